import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors/domain-error.js";
import { assertDeliverableUrl, isPublicAddress } from "./webhook.url-policy.js";

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe("webhook URL policy", () => {
  it("refuses plain http in production", async () => {
    const policy = { requireHttps: true, allowPrivate: false, resolve: resolvesTo("93.184.216.34") };
    expect(await codeOf(assertDeliverableUrl("http://hooks.example.com/in", policy))).toBe("INVALID_WEBHOOK_URL");
    await expect(assertDeliverableUrl("https://hooks.example.com/in", policy)).resolves.toBeInstanceOf(URL);
  });

  it("refuses hosts that resolve to any private, loopback or link-local address", async () => {
    for (const addrs of [
      ["127.0.0.1"],
      ["10.1.2.3"],
      ["169.254.169.254"],
      ["::1"],
      ["fd00::1"],
      ["93.184.216.34", "192.168.1.5"],
    ]) {
      const policy = { requireHttps: false, allowPrivate: false, resolve: resolvesTo(...addrs) };
      expect(await codeOf(assertDeliverableUrl("https://partner.example/hook", policy)), addrs.join(",")).toBe(
        "INVALID_WEBHOOK_URL",
      );
    }
    expect(
      await codeOf(assertDeliverableUrl("https://127.0.0.1/hook", { requireHttps: false, allowPrivate: false })),
    ).toBe("INVALID_WEBHOOK_URL");
    expect(
      await codeOf(
        assertDeliverableUrl("https://[::ffff:10.0.0.1]/hook", { requireHttps: false, allowPrivate: false }),
      ),
    ).toBe("INVALID_WEBHOOK_URL");
  });

  it("allows private targets only when configured to", async () => {
    await expect(
      assertDeliverableUrl("http://127.0.0.1:8080/hook", { requireHttps: false, allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("refuses credentials, other schemes and garbage", async () => {
    const policy = { requireHttps: false, allowPrivate: true };
    for (const url of ["ftp://x.example/", "https://user:pw@x.example/", "not a url"])
      expect(await codeOf(assertDeliverableUrl(url, policy)), url).toBe("INVALID_WEBHOOK_URL");
  });

  it("classifies public unicast addresses as public", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1:248:1893:25c8:1946")).toBe(true);
    expect(isPublicAddress("100.64.0.1")).toBe(false);
  });
});
