import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { newSigningSecret, signWebhook } from "./webhook.signing.js";

describe("webhook signing (Standard Webhooks)", () => {
  const body = JSON.stringify({ id: "evt-1", type: "order.issued" });

  it("signs so that the standardwebhooks library accepts the delivery and refuses a changed body", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signWebhook(secret, "evt-1", new Date(), body);
    expect(headers["webhook-id"]).toBe("evt-1");
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("issued", "voided"), { ...headers })).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify(body, { ...headers })).toThrow();
  });

  it("still signs with a secret issued before the switch (base64url), verifiable with its base64 form", () => {
    const legacy = "whsec_" + Buffer.alloc(32, 0xfb).toString("base64url");
    expect(legacy).toMatch(/[-_]/);
    const headers = signWebhook(legacy, "evt-2", new Date(), body);
    const converted = "whsec_" + Buffer.from(legacy.slice(6), "base64url").toString("base64");
    expect(() => new Webhook(converted).verify(body, { ...headers })).not.toThrow();
  });
});
