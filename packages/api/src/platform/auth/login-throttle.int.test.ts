import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures } from "../../test-support/entities.fixtures.js";

/**
 * Issue 14 item 6: parallel guesses cannot slip past the lockout, failures are counted in
 * one statement, each client address is throttled, hashing is capped, unknown / inactive /
 * delayed accounts answer alike, and a stranger cannot keep the owner out for long.
 */
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code field message } } }`;

interface Answer {
  status: number;
  ok: boolean;
  code: string;
  message: string;
  field?: unknown;
  retryAfter?: number;
}

async function login(api: TestApi, email: string, password: string): Promise<Answer> {
  const res = await api.gql<{
    login: { accessToken: string | null; userErrors: { code: string; field: string[]; message: string }[] } | null;
  }>(LOGIN, { i: { email, password } });
  const top = res.errors?.[0];
  if (top)
    return {
      status: res.status,
      ok: false,
      code: String(top.extensions?.code),
      message: top.message,
      retryAfter: top.extensions?.retryAfterSeconds as number | undefined,
    };
  const ue = res.data.login!.userErrors[0];
  return ue
    ? { status: res.status, ok: false, code: ue.code, message: ue.message, field: ue.field }
    : { status: res.status, ok: true, code: "OK", message: "" };
}

const failedLogins = async (api: TestApi, email: string) =>
  (
    await api.orm.em
      .getConnection()
      .execute<{ failed_logins: number }[]>(`select failed_logins from app_user where email = ?`, [email])
  )[0]!.failed_logins;

const servers: TestApi[] = [];
async function server(env: Record<string, string> = {}): Promise<{ api: TestApi; fx: Fixtures }> {
  const api = await startTestApi(env);
  servers.push(api);
  return { api, fx: new Fixtures(api.orm) };
}
afterAll(async () => Promise.all(servers.map((s) => s.close())));

describe("failures counted in one statement", () => {
  let api: TestApi;
  let fx: Fixtures;
  beforeAll(async () => ({ api, fx } = await server({ LOGIN_FREE_ATTEMPTS: "100", LOGIN_HASH_QUEUE: "64" })));

  it("30 parallel wrong passwords count 30 failures", async () => {
    const u = await fx.user(["OPERATOR"]);
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(api, u.email, "wrong guess")));
    expect(answers.map((a) => a.code)).toEqual(Array(30).fill("INVALID_CREDENTIALS"));
    expect(await failedLogins(api, u.email)).toBe(30);
  });
});

describe("per-account progressive delay", () => {
  let api: TestApi;
  let fx: Fixtures;
  // A first delay far longer than the test: an account delayed here stays delayed however
  // slowly the machine answers, so no assertion races the window's end.
  beforeAll(async () => ({ api, fx } = await server({ LOGIN_FIRST_DELAY_SECONDS: "600" })));

  it("lets at most the free attempts of 30 parallel guesses reach the password check", async () => {
    const u = await fx.user(["OPERATOR"]);
    const hashedBefore = api.runtime.loginGuard.hashSlots.started;
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(api, u.email, "wrong guess")));
    const codes = answers.map((a) => a.code);
    expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(api.config.LOGIN_FREE_ATTEMPTS);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(30 - api.config.LOGIN_FREE_ATTEMPTS);
    expect(answers.find((a) => a.code === "RATE_LIMITED")).toMatchObject({ status: 429 });
    expect(api.runtime.loginGuard.hashSlots.started - hashedBefore).toBe(api.config.LOGIN_FREE_ATTEMPTS);
    expect(await failedLogins(api, u.email)).toBe(api.config.LOGIN_FREE_ATTEMPTS);
  });

  it("answers unknown, inactive and delayed accounts with the same code and message, hashing for all but the delayed", async () => {
    const active = await fx.user(["OPERATOR"]);
    const inactive = await fx.user(["OPERATOR"], { active: false } as never);
    const unknown = `nobody-${Date.now()}@operator.test`;
    const hashes = async (attempt: () => Promise<Answer>) => {
      const before = api.runtime.loginGuard.hashSlots.started;
      const answer = await attempt();
      return { answer, hashed: api.runtime.loginGuard.hashSlots.started - before };
    };
    const first = [
      await hashes(() => login(api, unknown, "guess")),
      await hashes(() => login(api, inactive.email, inactive.password)),
      await hashes(() => login(api, inactive.email, "guess")),
      await hashes(() => login(api, active.email, "guess")),
    ];
    for (const { answer, hashed } of first) {
      // The unknown e-mail is checked against a dummy hash: the same work as a real one.
      expect(hashed).toBe(1);
      expect(answer).toEqual({
        status: 200,
        ok: false,
        code: "INVALID_CREDENTIALS",
        message: first[0]!.answer.message,
        field: ["password"],
      });
    }
    // Up to the free attempts for each account; the next one of each is delayed alike.
    for (const email of [unknown, inactive.email, active.email])
      while ((await login(api, email, "guess")).code !== "RATE_LIMITED");
    const delayed = [
      await hashes(() => login(api, unknown, "guess")),
      await hashes(() => login(api, inactive.email, inactive.password)),
      await hashes(() => login(api, active.email, active.password)),
    ];
    for (const { answer, hashed } of delayed) {
      expect(hashed).toBe(0);
      expect(answer).toMatchObject({ status: 429, code: "RATE_LIMITED", message: delayed[0]!.answer.message });
      expect(answer.retryAfter).toBeGreaterThan(0);
    }
  });
});

describe("a stranger's failures", () => {
  let api: TestApi;
  let fx: Fixtures;
  // 10 s instead of the default 1 s (login-guard.test.ts): the owner's first attempt after the
  // stranger's must still fall inside the delay however long the stranger's last hash took.
  beforeAll(async () => ({ api, fx } = await server({ LOGIN_FIRST_DELAY_SECONDS: "10" })));

  it("a stranger's failures delay the owner only briefly: the right password after the delay signs in", async () => {
    const owner = await fx.user(["BILLING"]);
    for (let i = 0; i < api.config.LOGIN_FREE_ATTEMPTS; i++)
      expect((await login(api, owner.email, `stranger guess ${i}`)).code).toBe("INVALID_CREDENTIALS");
    const refused = await login(api, owner.email, owner.password);
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    // The first delay is the configured seconds, not a 15-minute lock.
    expect(refused.retryAfter).toBeLessThanOrEqual(api.config.LOGIN_FIRST_DELAY_SECONDS);
    // Waiting attempts are not charged, so the owner may simply retry until the delay ends.
    const deadline = Date.now() + 90_000;
    let answer = refused;
    while (!answer.ok && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      answer = await login(api, owner.email, owner.password);
      if (!answer.ok) expect(answer.code).toBe("RATE_LIMITED");
    }
    expect(answer.ok).toBe(true);
    expect(await failedLogins(api, owner.email)).toBe(0);
    // The count starts afresh: the next wrong password is an ordinary failure.
    expect((await login(api, owner.email, "one more slip")).code).toBe("INVALID_CREDENTIALS");
  });
});

describe("per-address throttle", () => {
  let api: TestApi;
  let fx: Fixtures;
  beforeAll(async () => ({ api, fx } = await server({ LOGIN_ADDRESS_ATTEMPTS: "5" })));

  it("refuses an address that sprayed many accounts, even for a right password of another account", async () => {
    const u = await fx.user(["REVIEWER"]);
    for (let i = 0; i < 5; i++)
      expect((await login(api, `spray-${i}@operator.test`, "Summer2026!")).code).toBe("INVALID_CREDENTIALS");
    const next = await login(api, u.email, u.password);
    expect(next).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(next.message).toMatch(/address/);
  });
});

describe("password hashing cap", () => {
  let api: TestApi;
  beforeAll(async () => ({ api } = await server({ LOGIN_HASH_CONCURRENCY: "1", LOGIN_HASH_QUEUE: "0" })));

  it("refuses logins beyond the hashing slots and queue with RATE_LIMITED instead of queueing them all", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(api, `crowd-${i}@operator.test`, "guess")),
    );
    const codes = answers.map((a) => a.code);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === "INVALID_CREDENTIALS").length).toBeGreaterThan(0);
    expect(codes.every((c) => c === "RATE_LIMITED" || c === "INVALID_CREDENTIALS")).toBe(true);
    expect(answers.find((a) => a.code === "RATE_LIMITED")!.message).toMatch(/busy/);
  });
});
