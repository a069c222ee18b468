/**
 * A seeded region for the compiled read path's visit, claim and case tests (issue 17): two
 * branches, a hospital covered by one of them with field visits (pending, assigned, with
 * findings and liability links), a case-less appointment at a clinic, agencies of either
 * branch with claims and their lines, and one principal of every kind that reads them,
 * branch sessions included (one confined to a branch, one that has not chosen and sees none).
 */
import { expect } from "vitest";
import fc from "fast-check";
import { loginAs } from "./entities.fixtures.js";
import { startTestApi, type TestApi } from "./server.fixtures.js";
import { READ_PATH_HEADER } from "../platform/read-compiler/plugin.js";
import {
  coverOrganization,
  createBranch,
  ERRORS,
  login,
  mutate,
  setUserBranches,
} from "../modules/branch/branch.fixtures.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "../modules/claim/claim.fixtures.js";
import { OrganizationKind } from "../modules/organization/organization.entity.js";
import { PDF_BYTES, PNG_BYTES, uploadFile } from "../modules/order/files/files.fixtures.js";
import { fieldCipher } from "../platform/crypto/field-encryption.js";
import {
  assignVisits,
  buildVisitWorld,
  pendingFieldVisit,
  visitMutation,
  type VisitWorld,
} from "../modules/visit/visit-world.fixtures.js";

export * from "./read-world-selections.fixtures.js";

export type ReadPath = "compiled" | "orm";

export interface ReadWorld {
  api: TestApi;
  w: VisitWorld;
  /** Token or key per principal. */
  principals: Record<string, string>;
  visitIds: string[];
  claimIds: string[];
  caseIds: string[];
  /** Runs a query on one path: the raw body and which path answered. */
  read: (
    path: ReadPath,
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) => Promise<{ body: unknown; answeredBy: string }>;
}

/** Runs a query on the compiled path or, with READ_COMPILER=off for the request, on the resolvers. */
export function readOn(api: TestApi): ReadWorld["read"] {
  return async (path, query, variables, token) => {
    const before = process.env.READ_COMPILER;
    if (path === "orm") process.env.READ_COMPILER = "off";
    try {
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { body: await res.json(), answeredBy: res.headers.get(READ_PATH_HEADER) ?? "resolvers" };
    } finally {
      if (before === undefined) delete process.env.READ_COMPILER;
      else process.env.READ_COMPILER = before;
    }
  };
}

export async function startReadWorld(): Promise<ReadWorld> {
  const api = await startTestApi();
  const w = await buildVisitWorld(api);
  const fx = w.fx;
  const head = w.admin;
  const teh = await createBranch(api, head, "TEH", "Tehran province office");
  const isf = await createBranch(api, head, "ISF", "Isfahan province office");
  // The hospital's cases (and so its field visits) are Tehran's; the clinic is in no branch.
  await coverOrganization(api, head, w.hospital.id, teh);

  const visitIds: string[] = [];
  const caseIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const v = await pendingFieldVisit(api, w);
    visitIds.push(v.id);
    caseIds.push(v.caseId!);
  }
  const assigned = await assignVisits(api, w.operator, [visitIds[1]!, visitIds[2]!], w.visitor.id, false);
  expect(assigned.userErrors).toEqual([]);
  const saved = await visitMutation(
    api,
    "saveVisitFindings",
    {
      id: visitIds[2],
      expectedVersion: assigned.visits!.find((v) => v.id === visitIds[2])!.version,
      findings: { admissionDate: "2026-03-08", ward: "骨科二病区", bed: "12", diagnosisCodes: ["S72.0"] },
      // Read in clear by billing and ADMIN (audited), masked for everyone else.
      bankAccount: { scheme: "IBAN", number: "BG80 BNBG 9661 1020 3456 78" },
      liabilityLinks: {
        links: [
          { policyId: w.individual.id, liabilityId: w.liabilities.hosp.id },
          { policyId: w.group.id, liabilityId: w.liabilities.groupHosp.id },
        ],
      },
    },
    w.visitor.token,
  );
  expect(saved.userErrors).toEqual([]);
  const appointment = await visitMutation(
    api,
    "scheduleAppointment",
    {
      patientId: w.patient.id,
      providerId: w.clinic.id,
      scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    },
    w.operator,
  );
  expect(appointment.userErrors).toEqual([]);
  visitIds.push(appointment.visit!.id);

  // Agencies of either branch register claims on cases they open (intake by partners).
  const insurer = await fx.organization(OrganizationKind.INSURER);
  await dentalFeeSchedule(fx.em);
  const claimIds: string[] = [];
  const agencyKeys: string[] = [];
  for (const [branchId, lines] of [
    [teh, 2],
    [isf, 1],
  ] as const) {
    const agency = await fx.organization(OrganizationKind.AGENCY, { country: "IR", timeZone: "Asia/Tehran" } as never);
    const key = (await fx.apiKey(agency)).secret;
    agencyKeys.push(key);
    await coverOrganization(api, head, agency.id, branchId);
    const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency });
    for (const n of [1, 2]) {
      const reg = await mutate<{ claim: { id: string; caseId: string } | null }>(
        api,
        `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id caseId } ${ERRORS} } }`,
        {
          newCase: {
            patientId: cov.patient.id,
            kind: "OUTPATIENT",
            incidentDate: `2026-03-1${n}`,
            scanKey: `${cov.patient.customerNumber}2026031${n}`,
          },
          policyId: cov.policy.id,
          liabilityId: cov.liability.id,
          lines: [
            { system: "CDT", code: "D0150", quantity: 1 },
            ...(lines > 1 ? [{ system: "CDT", code: "D0150", quantity: 2, discount: "1.50" }] : []),
          ],
        },
        key,
      );
      expect(reg.userErrors).toEqual([]);
      claimIds.push(reg.claim!.id);
      caseIds.push(reg.claim!.caseId);
    }
  }

  // Documents: the visitor's photo of the visit with findings, an agency's invoice of its
  // first claim and its case's own claim form (serving every claim of the case), and one
  // removed again (removed documents leave the nested lists).
  const attach = async (input: Record<string, unknown>, token: string, png = false) => {
    const file = await uploadFile(api.url, token, png ? PNG_BYTES : PDF_BYTES, png ? "photo.png" : "doc.pdf");
    expect(file.status).toBe(201);
    const r = await mutate<{ document: { id: string } | null }>(
      api,
      `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { document { id } ${ERRORS} } }`,
      { ...input, fileId: String(file.body.id) },
      token,
    );
    expect(r.userErrors).toEqual([]);
    return r.document!.id;
  };
  await attach({ visitId: visitIds[2], documentType: "PHOTO" }, w.visitor.token, true);
  await attach({ claimId: claimIds[0], documentType: "INVOICE" }, agencyKeys[0]!);
  await attach({ caseId: caseIds[3], documentType: "CLAIM_FORM" }, agencyKeys[0]!, true);
  const removed = await attach({ claimId: claimIds[0], documentType: "INVOICE" }, agencyKeys[0]!);
  const gone = await mutate(
    api,
    `mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) { ${ERRORS} } }`,
    { id: removed, reason: "duplicate" },
    agencyKeys[0]!,
  );
  expect(gone.userErrors).toEqual([]);
  // The patient's co-pay on the first claim, taken by its agency.
  const owed = await api.gql<{ claim: { currency: string; outstanding: { patient: string } } }>(
    `query($id: ID!) { claim(id: $id) { currency outstanding { patient } } }`,
    { id: claimIds[0] },
    agencyKeys[0]!,
  );
  const paid = await mutate(
    api,
    `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { ${ERRORS} } }`,
    {
      claimId: claimIds[0],
      payer: "PATIENT",
      amount: owed.data.claim.outstanding.patient,
      currency: owed.data.claim.currency,
      method: "CASH",
      reference: "R-1",
    },
    agencyKeys[0]!,
  );
  expect(paid.userErrors).toEqual([]);
  // National ids (encrypted as the service stores them) on every patient but the last.
  const conn = api.orm.em.getConnection();
  const patients = await conn.execute<{ id: string }[]>("select id from patient order by id");
  for (const [i, p] of patients.slice(0, -1).entries()) {
    const nid = `X${String(1_000_000 + i)}`;
    await conn.execute("update patient set national_id_enc = ?, national_id_index = ? where id = ?", [
      fieldCipher().encrypt(nid),
      fieldCipher().blindIndex(nid),
      p.id,
    ]);
  }

  const staffIn = async (roles: ("OPERATOR" | "REVIEWER" | "BILLING")[], branches: string[]) => {
    const u = await fx.user(roles);
    await setUserBranches(api, head, u.id, branches);
    if (branches.length === 1) return loginAs(api.gql, u.email, u.password);
    const s = await login(api, u.email, u.password);
    expect(s.branchChoiceRequired).toBe(true);
    return s.accessToken!;
  };
  const principals: Record<string, string> = {
    admin: head,
    operator: w.operator,
    reviewer: w.reviewer,
    billing: w.billing,
    visitor: w.visitor.token,
    operatorTEH: await staffIn(["OPERATOR"], [teh]),
    operatorISF: await staffIn(["OPERATOR"], [isf]),
    billingTEH: await staffIn(["BILLING"], [teh]),
    // A member of two branches who has not chosen one: sees no branch's rows.
    unchosen: await staffIn(["OPERATOR"], [teh, isf]),
    hospital: w.hospitalKey,
    otherHospital: w.otherHospitalKey,
    clinic: w.clinicKey,
    agencyTEH: agencyKeys[0]!,
    agencyISF: agencyKeys[1]!,
  };
  return { api, w, principals, visitIds, claimIds, caseIds, read: readOn(api) };
}

/** Connection selections of `node`: nodes, edges, pageInfo and totalCount in any mix. */
export const connectionOf = (node: fc.Arbitrary<string>) =>
  fc.tuple(node, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()).map(
    ([n, nodes, edges, info, count]) =>
      `{ ${nodes || !(edges || info || count) ? `nodes ${n}` : ""} ${edges ? `edges { cursor node ${n} }` : ""}
        ${info ? "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }" : ""} ${count ? "totalCount" : ""} }`,
  );

/**
 * Both paths give the same body; the compiled one answered, unless the limits refused the
 * query before either ran, or the root's @Authorized roles refused the principal (the
 * compiled path hands that to the resolvers, which answer FORBIDDEN).
 */
export async function expectSameAnswer(
  world: Pick<ReadWorld, "read">,
  query: string,
  variables: Record<string, unknown>,
  who: string,
  token: string,
): Promise<void> {
  const compiled = await world.read("compiled", query, variables, token);
  const orm = await world.read("orm", query, variables, token);
  expect(compiled.body, `${who}: ${query} ${JSON.stringify(variables)}`).toEqual(orm.body);
  const refused = (orm.body as { errors?: { extensions?: { code?: string } }[] }).errors?.some(
    (e) => e.extensions?.code === "QUERY_TOO_COMPLEX" || e.extensions?.code === "FORBIDDEN",
  );
  if (!refused) expect(compiled.answeredBy, `${who} ${query} ${JSON.stringify(compiled.body)}`).toBe("compiled");
}

/**
 * A random page request of a connection `field` (filters and orderBy from the arbitraries):
 * first, last, offset, or a cursor taken from the resolvers' own first page, both ways.
 */
export async function expectSamePage(
  world: Pick<ReadWorld, "read">,
  field: string,
  types: { filter: string; order: string },
  sel: string,
  who: string,
  token: string,
  base: Record<string, unknown>,
  size: number,
  mode: "first" | "last" | "after" | "before" | "offset",
  n: number,
): Promise<void> {
  const Q = (s: string) =>
    `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int, $f: ${types.filter}, $o: ${types.order}) {
      ${field}(first: $first, last: $last, after: $after, before: $before, offset: $offset, filter: $f, orderBy: $o) ${s} }`;
  let vars: Record<string, unknown> = { ...base, first: size };
  if (mode === "last") vars = { ...base, last: size };
  if (mode === "offset") vars = { ...base, first: size, offset: n % 5 };
  if (mode === "after" || mode === "before") {
    const page = await world.read("orm", Q("{ edges { cursor } }"), { ...base, first: 20 }, token);
    const edges = (page.body as { data: Record<string, { edges: { cursor: string }[] }> | null }).data?.[field]?.edges;
    // No page at all: the principal is refused the field (its first page is compared as is).
    if (edges?.length === 0) return;
    const cursor = edges?.[n % edges.length]!.cursor;
    if (cursor)
      vars = mode === "after" ? { ...base, first: size, after: cursor } : { ...base, last: size, before: cursor };
  }
  await expectSameAnswer(world, Q(sel), vars, who, token);
}

export const PAGE_MODE = fc.constantFrom("first", "last", "after", "before", "offset") as fc.Arbitrary<
  "first" | "last" | "after" | "before" | "offset"
>;

/**
 * The SQL statements each request sends, as the shared knex instance reports them (the
 * tests of a file run one at a time, so nothing else sends any meanwhile).
 */
export function statementRecorder(api: TestApi) {
  const statements: string[] = [];
  const record = (q: { sql: string }) => statements.push(q.sql);
  const knex = api.orm.em.getConnection().getKnex();
  knex.on("query", record);
  return {
    /** Sends any operation and gives the body and the statements it sent. */
    async send(
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<{ body: unknown; sql: string[] }> {
      statements.length = 0;
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { body: await res.json(), sql: [...statements] };
    },
    /** Runs `query` on the compiled path (it must answer) and gives the statements it sent. */
    async run(
      query: string,
      variables: Record<string, unknown>,
      token: string,
    ): Promise<{ body: unknown; sql: string[] }> {
      statements.length = 0;
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      expect(res.headers.get(READ_PATH_HEADER), JSON.stringify(body)).toBe("compiled");
      return { body, sql: [...statements] };
    },
    stop: () => knex.removeListener("query", record),
  };
}
