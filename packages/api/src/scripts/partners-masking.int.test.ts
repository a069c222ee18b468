import { describe, expect, it } from "vitest";
import { CLINIC_KEY, generatedTable, HOSPITAL_KEY, unquote, useDemoApi } from "./partners-promises.fixtures.js";

/**
 * docs/partners.md §3: the masking table, one rule per field and principal: who reads which
 * sensitive field in full and what the others read, checked on the demo data.
 */
const { gql, tokens } = useDemoApi();

describe("§3: the masking table, one rule per field and principal", () => {
  const rows = generatedTable("masking").map(([field, fullFor, mask]) => ({
    field: unquote(field!),
    roles: [...fullFor!.matchAll(/\b[A-Z]{4,}\b/g)].map((m) => m[0]),
    enteringPartner: /partner that entered/.test(fullFor!),
    mask: unquote(mask!),
  }));
  /** What the mask cell promises for a value: `•••• 1234` is the last four characters. */
  const masked = (mask: string, full: string) => (/\d{4}$/.test(mask) ? mask.replace(/\d{4}$/, full.slice(-4)) : mask);
  const STAFF = ["ADMIN", "OPERATOR", "REVIEWER", "BILLING", "VISITOR"];

  it("covers the fields the guide names", () => {
    expect(rows.map((r) => r.field).sort()).toEqual(["Patient.nationalId", "Visit.bankAccount"]);
  });

  it("Patient.nationalId reads in full exactly for the principals the table names", async () => {
    const row = rows.find((r) => r.field === "Patient.nationalId")!;
    const nationalId = `1${Date.now().toString().slice(-7)}-K`;
    const reg = await gql(
      `mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { patient { id nationalId } userErrors { code field } } }`,
      { i: { firstName: "Ana", lastName: "Guía", nationalId } },
      HOSPITAL_KEY,
    );
    expect(reg.body.data!.registerPatient.userErrors).toEqual([]);
    const id = reg.body.data!.registerPatient.patient.id as string;
    const readers: [string, string, boolean][] = [
      ["the hospital that entered it", HOSPITAL_KEY, row.enteringPartner],
      ...STAFF.map((r): [string, string, boolean] => [r, tokens[r]!, row.roles.includes(r)]),
      ["another partner", CLINIC_KEY, false],
    ];
    const seen: string[] = [];
    for (const [who, auth, inFull] of readers) {
      const a = await gql(`query($id: ID!) { patient(id: $id) { nationalId } }`, { id }, auth);
      expect(a.body.errors, who).toBeUndefined();
      const read = a.body.data!.patient?.nationalId as string | undefined;
      if (read === undefined) continue; // outside this reader's scope: nothing to mask
      seen.push(who);
      expect(read, who).toBe(inFull ? nationalId : masked(row.mask, nationalId));
    }
    expect(seen, JSON.stringify(seen)).toEqual(
      expect.arrayContaining(["the hospital that entered it", "ADMIN", "OPERATOR"]),
    );
    // A reviewer sees the patients of the claims it reviews: one of the demo data's.
    const ofReviewer = await gql(`{ patients(first: 100) { nodes { id nationalId } } }`, {}, tokens.REVIEWER!);
    const theirs = (ofReviewer.body.data!.patients.nodes as { id: string; nationalId: string | null }[]).find(
      (p) => p.nationalId,
    );
    expect(theirs, "the reviewer sees a patient with a national id").toBeDefined();
    const full = await gql(`query($id: ID!) { patient(id: $id) { nationalId } }`, { id: theirs!.id }, tokens.ADMIN!);
    const value = full.body.data!.patient.nationalId as string;
    for (const r of STAFF) {
      const a = await gql(`query($id: ID!) { patient(id: $id) { nationalId } }`, { id: theirs!.id }, tokens[r]!);
      const read = a.body.data?.patient?.nationalId as string | undefined;
      if (read === undefined) continue;
      expect(read, r).toBe(row.roles.includes(r) ? value : masked(row.mask, value));
    }
    expect(theirs!.nationalId).toBe(row.roles.includes("REVIEWER") ? value : masked(row.mask, value));
  });

  it("Visit.bankAccount reads in full exactly for the principals the table names", async () => {
    const row = rows.find((r) => r.field === "Visit.bankAccount")!;
    const all = await gql(`{ visits(first: 100) { nodes { id bankAccount } } }`, {}, tokens.ADMIN!);
    const visit = (all.body.data!.visits.nodes as { id: string; bankAccount: string | null }[]).find(
      (v) => v.bankAccount,
    );
    expect(visit, "the demo data has a visit with a payout account").toBeDefined();
    const full = visit!.bankAccount!;
    const seen: string[] = [];
    for (const r of STAFF) {
      const a = await gql(`query($id: ID!) { visit(id: $id) { bankAccount } }`, { id: visit!.id }, tokens[r]!);
      const read = a.body.data?.visit?.bankAccount as string | undefined;
      if (read === undefined) continue;
      seen.push(r);
      expect(read, r).toBe(row.roles.includes(r) ? full : masked(row.mask, full));
    }
    expect(seen).toEqual(expect.arrayContaining(["ADMIN", "BILLING", "OPERATOR"]));
  });
});
