import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PDF_BYTES } from "../modules/order/files/files.fixtures.js";
import {
  codesOf,
  guide,
  HOSPITAL_KEY,
  INSURER_KEY,
  LAB_KEY,
  section,
  useDemoApi,
  type Answer,
} from "./partners-promises.fixtures.js";

/**
 * Issues 19 and 21: the promises docs/partners.md makes about behaviour, read out of the
 * guide and checked against the real API on the demo data: here the error model (§8), the
 * money and rate formats (§14) and the examples of §5, §11 and §12 run as written. The
 * status of each top-level code is partners-statuses.int.test.ts's, the masking table
 * partners-masking.int.test.ts's.
 */
const demo = useDemoApi();
const { gql, post } = demo;

describe("§8 and §14: the error model's and money's promises", () => {
  const errors = section("8. Errors");
  const money = section("14. Money, rates and times");

  it("one registerPatient answers VALIDATION_FAILED for every broken field the guide names at once", async () => {
    const m = /\(e\.g\. `(\w+)`, `(\w+)` and\s+`(\w+)` of one `registerPatient` at once\)/.exec(errors);
    expect(m, "§8 names the fields").not.toBeNull();
    const fields = m!.slice(1);
    const bad: Record<string, string> = { phone: "call me", email: "not-an-address", birthDate: "yesterday" };
    const a = await gql(
      `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id } userErrors { code field } } }`,
      { i: { firstName: "Ana", lastName: "Guía", ...Object.fromEntries(fields.map((f) => [f, bad[f]])) } },
      HOSPITAL_KEY,
    );
    expect(a.status).toBe(200);
    const userErrors = a.body.data!.registerPatient.userErrors as { code: string; field: string[] }[];
    for (const f of fields)
      expect(userErrors, f).toContainEqual({ code: "VALIDATION_FAILED", field: expect.arrayContaining([f]) as never });
  });

  it("an x-request-id sent is the one answered", async () => {
    expect(errors).toMatch(/Every response carries an `x-request-id` header; send your own/);
    const res = await fetch(`${demo.api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${LAB_KEY}`,
        "x-request-id": "guide_check-1",
      },
      body: JSON.stringify({ query: "{ viewer { kind } }" }),
    });
    expect(res.headers.get("x-request-id")).toBe("guide_check-1");
  });

  const CREATE_POLICY = `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) {
    policy { id deductible coverageRate currency } userErrors { code field } } }`;
  const policyInput = (extra: Record<string, unknown>) => ({
    i: {
      holderName: "Guía",
      number: `GUIDE-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      type: "INDIVIDUAL",
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
      ...extra,
    },
  });

  it("a policy's deductible and rate read back in the guide's format from the create echo and policy(id)", async () => {
    const m = /a (\w+) policy created with `deductible: "(\d+)"` or `"([\d.]+)"` reads\s+`"(\d+)"`/.exec(money);
    expect(m, "§14 gives the deductible example").not.toBeNull();
    const [, currency, plain, padded, reads] = m!;
    const rate = /0\.\.1 \(`"(0\.\d+)"`\)[\s\S]{0,80}?Inputs take at most \d decimals\s+\(`"(0\.\d+)"`\)/.exec(money);
    expect(rate, "§14 gives the rate example").not.toBeNull();
    const [, rateReads, rateInput] = rate!;
    for (const deductible of [plain!, padded!]) {
      const a = await gql(CREATE_POLICY, policyInput({ currency, deductible, coverageRate: rateInput }), INSURER_KEY);
      const { policy, userErrors } = a.body.data!.createPolicy as {
        policy: { id: string; deductible: string; coverageRate: string };
        userErrors: unknown[];
      };
      expect(userErrors).toEqual([]);
      expect([policy.deductible, policy.coverageRate]).toEqual([reads, rateReads]);
      const read = await gql(
        `query($id: ID!) { policy(id: $id) { deductible coverageRate } }`,
        { id: policy.id },
        INSURER_KEY,
      );
      expect(read.body.data!.policy).toEqual({ deductible: reads, coverageRate: rateReads });
    }
  });

  it("refuses a fraction the currency has not, a JSON number for Money and a lower-case currency, as §14 says", async () => {
    const refused = /`"(\d+\.\d+)"` (\w+) is refused/.exec(money);
    expect(refused).not.toBeNull();
    const frac = await gql(CREATE_POLICY, policyInput({ currency: refused![2], deductible: refused![1] }), INSURER_KEY);
    expect(frac.status).toBe(200);
    expect(frac.body.data!.createPolicy.userErrors).toEqual([{ code: "TOO_MANY_DECIMALS", field: ["deductible"] }]);

    expect(money).toMatch(/a JSON\s+number is a malformed request \(HTTP 400\)/);
    const number = await gql(CREATE_POLICY, policyInput({ currency: "CLP", deductible: 50000 }), INSURER_KEY);
    expect([number.status, codesOf(number)[0]]).toEqual([400, "BAD_USER_INPUT"]);

    expect(money).toMatch(/A lower-case or unknown code is a malformed request\s+\(HTTP 400, `BAD_USER_INPUT`\)/);
    for (const currency of ["clp", "XYZ"]) {
      const a = await gql(CREATE_POLICY, policyInput({ currency, deductible: "1" }), INSURER_KEY);
      expect([a.status, codesOf(a)[0]], currency).toEqual([400, "BAD_USER_INPUT"]);
    }
  });
});

describe("§5, §11 and §12: the remaining examples, run as written", () => {
  const blocks = (lang: string) =>
    [...guide.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]!);

  it("the webhook endpoint mutation registers the endpoint and shows its secret once", async () => {
    const doc = blocks("graphql").find((b) => b.includes("createWebhookEndpoint("))!;
    // The URL is the reader's own: the guide shows a reserved example host (it never
    // resolves) and says so; a loopback one here, allowed for this one call, never delivered
    // to, so the check asks no DNS.
    const url = /url: "([^"]+)"/.exec(doc)![1]!;
    const host = new URL(url).hostname;
    expect(host).toMatch(/\.example$/);
    expect(guide).toContain(`\`${host}\` stands for your own receiver's host`);
    process.env.WEBHOOK_ALLOW_PRIVATE = "true";
    let a: Answer;
    try {
      a = await post(JSON.stringify({ query: doc.replace(url, "http://127.0.0.1:9/clinigraph/webhooks") }));
    } finally {
      delete process.env.WEBHOOK_ALLOW_PRIVATE;
    }
    expect(a.body.errors).toBeUndefined();
    const payload = a.body.data!.createWebhookEndpoint as {
      signingSecret: string;
      webhookEndpoint: { id: string; version: number };
      userErrors: unknown[];
    };
    expect(payload.userErrors).toEqual([]);
    expect(payload.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(payload.webhookEndpoint.version).toBe(1);
  });

  it("every `POST /files` curl uploads its file and answers what the guide shows", async () => {
    const curls = blocks("bash").filter((b) => /curl[^\n]*\/files/.test(b));
    expect(curls.length).toBeGreaterThanOrEqual(2);
    const cwd = mkdtempSync(resolve(tmpdir(), "guide-files-"));
    for (const block of curls) {
      // The placeholder key `ck_…` is the reader's own: the demo lab's here.
      const command = block.replace(/https?:\/\/localhost:4000/g, demo.api.url).replace(/ck_…/g, LAB_KEY);
      const fileName = /file=@([^;']+)/.exec(command)![1]!;
      writeFileSync(resolve(cwd, fileName), PDF_BYTES);
      const { stdout } = await promisify(execFile)("bash", ["-c", command], { cwd, timeout: 60_000 });
      const body = JSON.parse(stdout) as Record<string, unknown>;
      expect(body, command).toMatchObject({ contentType: "application/pdf", fileName, size: PDF_BYTES.length });
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const shown = /# → (\{.*\})/.exec(block)?.[1];
      if (shown)
        expect(Object.keys(body).sort()).toEqual(Object.keys(JSON.parse(shown.replaceAll("…", "")) as object).sort());
    }
  });
});
