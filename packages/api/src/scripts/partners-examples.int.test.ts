import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { Fixtures } from "../test-support/entities.fixtures.js";
import { OrganizationKind } from "../modules/organization/organization.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "../modules/claim/claim.fixtures.js";
import { seedDocuments } from "../modules/document/document.seed.js";
import { PDF_BYTES, uploadFile } from "../modules/order/files/files.fixtures.js";
import { PARTNERS_DOC } from "./partners-docs.js";

/**
 * docs/partners.md's "agency's intake, as calls" is run here, block for block: each
 * ```graphql block with the ```json variables after it, in order, as an agency.
 * `<NAME>` placeholders come from the demo data or from earlier answers; `<FILE_ID>` is a
 * fresh upload (the guide's curl block). A guide example that stops working fails here.
 */
interface Step {
  query: string;
  variables: string;
}

export function exampleSteps(doc: string, name: string): Step[] {
  const section = doc.split(`<!-- BEGIN EXAMPLE: ${name} -->`)[1]?.split(`<!-- END EXAMPLE: ${name} -->`)[0];
  if (!section) throw new Error(`docs/partners.md has no example "${name}"`);
  const blocks = [...section.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const steps: Step[] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const [q, v] = [blocks[i]!, blocks[i + 1]];
    if (q.lang !== "graphql" || v?.lang !== "json") throw new Error(`example "${name}": a graphql block then its json`);
    steps.push({ query: q.body, variables: v.body });
  }
  return steps;
}

/** Replaces `"<NAME>"` with the value (keeping its JSON type) and `<NAME>` inside strings with its text. */
function fill(json: string, values: Record<string, string | number>): Record<string, unknown> {
  const text = json
    .replace(/"<([A-Z_]+)>"/g, (_m, k: string) => JSON.stringify(value(values, k)))
    .replace(/<([A-Z_]+)>/g, (_m, k: string) => String(value(values, k)));
  return JSON.parse(text) as Record<string, unknown>;
}
function value(values: Record<string, string | number>, key: string): string | number {
  if (!(key in values)) throw new Error(`no value for <${key}> yet`);
  return values[key]!;
}

let api: TestApi;
let key: string;
const values: Record<string, string | number> = {};

beforeAll(async () => {
  api = await startTestApi();
  const fx = new Fixtures(api.orm);
  // The demo's checklists (an outpatient claim needs the claim form and the invoice) and an
  // agency's insured patient, as in the demo region.
  await seedDocuments(fx.em, undefined);
  await dentalFeeSchedule(fx.em);
  const agency = await fx.organization(OrganizationKind.AGENCY);
  key = (await fx.apiKey(agency)).secret;
  const cov = await insuredPatientWithCase(fx.em, {
    insurer: await fx.organization(OrganizationKind.INSURER),
    registeredBy: agency,
    validFrom: "2020-01-01",
    validTo: "2099-12-31",
  });
  const incident = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  Object.assign(values, {
    PATIENT_ID: cov.patient.id,
    POLICY_ID: cov.policy.id,
    LIABILITY_ID: cov.liability.id,
    INCIDENT_DATE: incident,
    SCAN_KEY: `${cov.patient.customerNumber}${incident.replaceAll("-", "")}`,
  });
}, 120_000);
afterAll(async () => api?.close());

describe("docs/partners.md examples", () => {
  it("the agency's intake runs as written: file and claim in one call, documents, SUBMIT refused naming the missing type, then SUBMITTED", async () => {
    const steps = exampleSteps(readFileSync(PARTNERS_DOC, "utf8"), "agency-intake");
    expect(steps).toHaveLength(5);
    const answers: Record<string, unknown>[] = [];
    for (const step of steps) {
      if (step.variables.includes("<FILE_ID>")) {
        const up = await uploadFile(api.url, key, PDF_BYTES, "scan.pdf", "application/pdf");
        expect(up.status).toBe(201);
        values.FILE_ID = String(up.body.id);
      }
      const res = await api.gql<Record<string, Record<string, unknown>>>(step.query, fill(step.variables, values), key);
      expect(res.errors).toBeUndefined();
      const payload = Object.values(res.data)[0]!;
      answers.push(payload);
      const claim = payload.claim as { id: string; version: number; caseId?: string } | null;
      if (claim) {
        values.CLAIM_ID = claim.id;
        values.VERSION = claim.version;
        if (claim.caseId) values.CASE_ID = claim.caseId;
      }
    }
    const codes = answers.map((a) => (a.userErrors as { code: string; field: string[] }[]).map((e) => e.code));
    expect(codes).toEqual([[], [], ["REQUIRED_DOCUMENT_MISSING"], [], []]);
    expect((answers[2]!.userErrors as { field: string[] }[])[0]!.field).toEqual(["documents", "CLAIM_FORM"]);
    expect((answers[1]!.document as { scanKey: string }).scanKey).toBe(values.SCAN_KEY);
    expect((answers[4]!.claim as { status: string }).status).toBe("SUBMITTED");
  });
});
