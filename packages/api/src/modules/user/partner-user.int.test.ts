import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoApi } from "../../test-support/demo-database.fixtures.js";
import type { TestApi } from "../../test-support/server.fixtures.js";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { PDF_BYTES, uploadFile } from "../order/files/files.fixtures.js";
import { DEMO_API_KEYS, DEMO_LOGINS, DEMO_PARTNER_LOGINS, fullApiKey } from "../../seed/index.js";

/**
 * Partner users (issue #20): a partner organisation's own people sign in with `login` and
 * are the organisation's principal, scoped exactly as its API key is, on GraphQL and on the
 * REST routes (files, documents, exports, FHIR); the audit names the person.
 */
let api: TestApi;
const keyOf = (kind: string) => fullApiKey(DEMO_API_KEYS.find((k) => k.kind === kind)!);
const loginOf = (kind: string) => DEMO_PARTNER_LOGINS.find((l) => l.kind === kind)!;
const userTokens: Record<string, string> = {};
let adminToken: string;
let orgIds: Record<string, string>;

const sql = <T>(text: string, params: unknown[] = []) =>
  api.orm.em.getConnection().execute<T[]>(text, params as never[]);

type Page = { totalCount: number; nodes: { id: string }[] };
async function listIds(token: string, field: string): Promise<{ total: number; ids: string[] }> {
  const res = await api.gql<Record<string, Page>>(`{ ${field}(first: 100) { totalCount nodes { id } } }`, {}, token);
  expect(res.errors, `${field}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  const page = res.data[field]!;
  return { total: page.totalCount, ids: page.nodes.map((n) => n.id).sort() };
}

async function rest(path: string, token: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  api = await startDemoApi();
  for (const l of DEMO_PARTNER_LOGINS) userTokens[l.kind] = await loginAs(api.gql as never, l.email, l.password);
  adminToken = await loginAs(api.gql as never, DEMO_LOGINS[0]!.email, DEMO_LOGINS[0]!.password);
  orgIds = {};
  for (const k of DEMO_API_KEYS)
    orgIds[k.kind] = (
      await sql<{ id: string }>(`select organization_id id from api_key where prefix = ?`, [k.prefix])
    )[0]!.id;
}, 900_000);
afterAll(async () => api?.close());

const LISTS = ["orders", "cases", "visits", "claims", "documents", "patients", "notifications", "apiKeys"];

describe("a partner user is its organisation's principal", () => {
  it("is told by viewer that it is the partner, with its roles and its user", async () => {
    const res = await api.gql<{
      viewer: {
        kind: string;
        roles: string[];
        partnerRoles: string[];
        user: { email: string };
        organization: { id: string };
      };
    }>(`{ viewer { kind roles partnerRoles user { email } organization { id } } }`, {}, userTokens.LAB);
    expect(res.data.viewer).toEqual({
      kind: "PARTNER",
      roles: ["LAB"],
      partnerRoles: ["PARTNER_ADMIN"],
      user: { email: loginOf("LAB").email },
      organization: { id: orgIds.LAB },
    });
  });

  it("sees exactly the rows its organisation's key sees, in every list", async () => {
    for (const kind of ["LAB", "INTERCONSULTANT", "HOSPITAL", "AGENCY"]) {
      let seen = 0;
      for (const field of LISTS) {
        const byKey = await listIds(keyOf(kind), field);
        const byUser = await listIds(userTokens[kind]!, field);
        expect(byUser, `${kind} ${field}`).toEqual(byKey);
        seen += byKey.total;
      }
      // The comparison means something only if the organisation has rows.
      expect(seen, kind).toBeGreaterThan(0);
    }
  });

  it("reaches another organisation's order, case, visit and claim by id no more than its key does", async () => {
    const foreign = {
      order: (
        await sql<{ id: string }>(`select id from attention_order where provider_id <> ? limit 1`, [orgIds.LAB])
      )[0]!.id,
      case: (
        await sql<{ id: string }>(
          `select id from medical_case c where registered_by_id <> ? and (hospital_id is null or hospital_id <> ?)
            and not exists (select 1 from attention_order o where o.case_id = c.id and o.provider_id = ?) limit 1`,
          [orgIds.LAB, orgIds.LAB, orgIds.LAB],
        )
      )[0]!.id,
      visit: (await sql<{ id: string }>(`select id from visit where site_id <> ? limit 1`, [orgIds.LAB]))[0]!.id,
      claim: (await sql<{ id: string }>(`select id from claim where registered_by_id <> ? limit 1`, [orgIds.LAB]))[0]!
        .id,
    };
    for (const [field, id] of Object.entries(foreign)) {
      const res = await api.gql<Record<string, unknown>>(
        `query($id: ID!) { ${field}(id: $id) { id } }`,
        { id },
        userTokens.LAB,
      );
      const byKey = await api.gql<Record<string, unknown>>(
        `query($id: ID!) { ${field}(id: $id) { id } }`,
        { id },
        keyOf("LAB"),
      );
      expect([res.data[field], byKey.data[field]], field).toEqual([null, null]);
    }
    const own = (
      await sql<{ id: string }>(`select id from attention_order where provider_id = ? limit 1`, [orgIds.LAB])
    )[0]!.id;
    const mine = await api.gql<{ order: { id: string } | null }>(
      `query($id: ID!) { order(id: $id) { id } }`,
      { id: own },
      userTokens.LAB,
    );
    expect(mine.data.order?.id).toBe(own);
  });

  it("answers the REST routes (files, documents, exports, FHIR) as its key does", async () => {
    const ownFile = await uploadFile(api.url, keyOf("LAB"), PDF_BYTES, "informe.pdf");
    const foreignFile = await uploadFile(api.url, keyOf("HOSPITAL"), PDF_BYTES, "epicrisis.pdf");
    expect([ownFile.status, foreignFile.status]).toEqual([201, 201]);
    const [ownDoc] = await sql<{ id: string }>(
      `select d.id from document d join claim c on c.id = d.claim_id where c.registered_by_id = ? limit 1`,
      [orgIds.AGENCY],
    );
    const paths: [string, string][] = [
      ["LAB", `/files/${String(ownFile.body.id)}`],
      ["LAB", `/files/${String(foreignFile.body.id)}`],
      ["AGENCY", `/documents/${ownDoc!.id}/file`],
      ["LAB", `/documents/${ownDoc!.id}/file`],
      ["HOSPITAL", `/exports/visits.csv`],
      ["LAB", `/exports/monthly-statistics.csv`],
      ["LAB", `/fhir/R4/ServiceRequest?_count=100`],
      ["HOSPITAL", `/fhir/R4/Encounter?_count=100`],
      ["AGENCY", `/fhir/R4/Claim?_count=100`],
    ];
    const statuses: number[] = [];
    for (const [kind, path] of paths) {
      const byKey = await rest(path, keyOf(kind));
      const byUser = await rest(path, userTokens[kind]!);
      expect(byUser.status, `${kind} ${path}`).toBe(byKey.status);
      // FHIR bundles carry their own id and time; compare the entries.
      const strip = (b: string) => (path.startsWith("/fhir") ? JSON.stringify(JSON.parse(b).entry ?? []) : b);
      expect(strip(byUser.body), `${kind} ${path}`).toBe(strip(byKey.body));
      statuses.push(byUser.status);
    }
    // The own rows answered, the foreign ones did not.
    expect(statuses.slice(0, 4)).toEqual([200, 404, 200, 404]);
  });

  it("cannot call the operator's operations", async () => {
    const calls = [
      `{ users(first: 5) { totalCount } }`,
      `{ auditEvents(first: 5) { totalCount } }`,
      `mutation { createUser(input: { email: "x@x.test", name: "x", roles: [ADMIN], password: "x-long-password-1" }) { userErrors { code } } }`,
      `mutation { recomputeMonthlyStatistics(input: { month: "2026-05" }) { userErrors { code } } }`,
    ];
    for (const query of calls) {
      const res = await api.gql(query, {}, userTokens.LAB);
      expect(res.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
    }
    const [issued] = await sql<{ id: string; version: number }>(
      `select id, version from attention_order where provider_id = ? and status = 'IN_VERIFICATION' limit 1`,
      [orgIds.LAB],
    );
    if (issued) {
      const res = await api.gql<{ transitionOrder: { userErrors: { code: string }[] } }>(
        `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { userErrors { code } } }`,
        { i: { id: issued.id, event: "APPROVE", expectedVersion: issued.version } },
        userTokens.LAB,
      );
      expect(res.data?.transitionOrder?.userErrors.length ?? res.errors?.length).toBeGreaterThan(0);
    }
  });

  it("acts under its organisation's rules, and the history and audit name the user", async () => {
    const [order] = await sql<{ id: string; version: number }>(
      `select id, version from attention_order where provider_id = ? and status = 'ISSUED' and confirm_by > now() limit 1`,
      [orgIds.LAB],
    );
    const res = await api.gql<{ transitionOrder: { order: { status: string }; userErrors: unknown[] } }>(
      `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status } userErrors { code } } }`,
      { i: { id: order!.id, event: "CONFIRM", expectedVersion: order!.version } },
      userTokens.LAB,
    );
    expect(res.data.transitionOrder.userErrors).toEqual([]);
    expect(res.data.transitionOrder.order.status).toBe("CONFIRMED");
    const [user] = await sql<{ id: string }>(`select id from app_user where email = ?`, [loginOf("LAB").email]);
    const audit = await sql<{ actor_kind: string; actor_id: string; actor_organization_id: string }>(
      `select actor_kind, actor_id, actor_organization_id from audit_event where entity_id = ? order by created_at desc limit 1`,
      [order!.id],
    );
    expect(audit[0]).toEqual({ actor_kind: "PARTNER_USER", actor_id: user!.id, actor_organization_id: orgIds.LAB });
    const history = await api.gql<{ order: { history: { actorKind: string; actorName: string | null }[] } }>(
      `query($id: ID!) { order(id: $id) { history { actorKind actorName } } }`,
      { id: order!.id },
      adminToken,
    );
    expect(history.data.order.history.at(-1)).toEqual({ actorKind: "PARTNER_USER", actorName: loginOf("LAB").name });
  });
});

describe("managing partner users", () => {
  const create = (token: string, input: Record<string, unknown>) =>
    api.gql<{ createPartnerUser: { user: { id: string; version: number } | null; userErrors: { code: string }[] } }>(
      `mutation($i: CreatePartnerUserInput!) { createPartnerUser(input: $i) { user { id version } userErrors { code } } }`,
      { i: input },
      token,
    );
  const update = (token: string, input: Record<string, unknown>) =>
    api.gql<{ updatePartnerUser: { user: { active: boolean } | null; userErrors: { code: string }[] } }>(
      `mutation($i: UpdatePartnerUserInput!) { updatePartnerUser(input: $i) { user { active } userErrors { code } } }`,
      { i: input },
      token,
    );
  const password = "a-long-enough-password-1";

  it("lets a partner admin add staff to its own organisation, who then work as the organisation", async () => {
    const res = await create(userTokens.LAB!, {
      email: "new.lab.staff@partner.test",
      name: "Nueva Tecnóloga",
      roles: ["PARTNER_STAFF"],
      password,
    });
    expect(res.data.createPartnerUser.userErrors).toEqual([]);
    const token = await loginAs(api.gql as never, "new.lab.staff@partner.test", password);
    expect(await listIds(token, "orders")).toEqual(await listIds(keyOf("LAB"), "orders"));
    const list = await api.gql<{ partnerUsers: { nodes: { email: string; organizationId: string }[] } }>(
      `{ partnerUsers(first: 100) { nodes { email organizationId } } }`,
      {},
      token,
    );
    expect(list.data.partnerUsers.nodes.every((n) => n.organizationId === orgIds.LAB)).toBe(true);
    expect(list.data.partnerUsers.nodes.map((n) => n.email)).toContain(loginOf("LAB").email);
    // PARTNER_STAFF works rows but does not manage users.
    const refused = await create(token, { email: "x@partner.test", name: "X", roles: ["PARTNER_STAFF"], password });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Nor does it mint credentials that would outlive its own account: keys and endpoints
    // are the organisation administrator's (its key or a PARTNER_ADMIN user).
    for (const mutation of [
      `mutation { createApiKey(input: { name: "staff's own" }) { secret userErrors { code } } }`,
      `mutation { createWebhookEndpoint(input: { url: "https://lis.partner.test/hook", events: [ORDER_STATUS_CHANGED] }) { signingSecret userErrors { code } } }`,
    ]) {
      const staff = await api.gql(mutation, {}, token);
      expect(staff.errors?.[0]?.extensions?.code, mutation).toBe("FORBIDDEN");
    }
    const byAdmin = await api.gql<{ createApiKey: { secret: string | null; userErrors: unknown[] } }>(
      `mutation { createApiKey(input: { name: "admin's" }) { secret userErrors { code } } }`,
      {},
      userTokens.LAB,
    );
    expect(byAdmin.data.createApiKey.userErrors).toEqual([]);
    expect(byAdmin.data.createApiKey.secret).toMatch(/^ck_/);
  });

  it("keeps a partner admin out of another organisation's users", async () => {
    const res = await create(userTokens.LAB!, {
      organizationId: orgIds.HOSPITAL,
      email: "intruder@partner.test",
      name: "Intruder",
      roles: ["PARTNER_ADMIN"],
      password,
    });
    expect(res.data.createPartnerUser.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    const [hospitalUser] = await sql<{ id: string; version: number }>(
      `select id, version from app_user where email = ?`,
      [loginOf("HOSPITAL").email],
    );
    const upd = await update(userTokens.LAB!, {
      id: hospitalUser!.id,
      expectedVersion: hospitalUser!.version,
      active: false,
    });
    expect(upd.data.updatePartnerUser.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    const still = await api.gql<{ viewer: { kind: string } }>(`{ viewer { kind } }`, {}, userTokens.HOSPITAL);
    expect(still.data.viewer.kind).toBe("PARTNER");
  });

  it("lets the operator's ADMIN manage any partner's users, and a deactivation ends the sessions", async () => {
    const res = await create(adminToken, {
      organizationId: orgIds.AGENCY,
      email: "agency.clerk@partner.test",
      name: "کارمند",
      roles: ["PARTNER_STAFF"],
      password,
    });
    expect(res.data.createPartnerUser.userErrors).toEqual([]);
    const token = await loginAs(api.gql as never, "agency.clerk@partner.test", password);
    const operatorOrg = await create(adminToken, {
      organizationId: (await sql<{ id: string }>(`select id from organization where kind = 'OPERATOR' limit 1`))[0]!.id,
      email: "not.a.partner@partner.test",
      name: "No",
      roles: ["PARTNER_STAFF"],
      password,
    });
    expect(operatorOrg.data.createPartnerUser.userErrors.map((e) => e.code)).toEqual(["NOT_A_PARTNER"]);
    const user = res.data.createPartnerUser.user!;
    const off = await update(adminToken, { id: user.id, expectedVersion: user.version, active: false });
    expect(off.data.updatePartnerUser.user?.active).toBe(false);
    const after = await api.gql(`{ viewer { kind } }`, {}, token);
    expect(after.status).toBe(401);
  });
});

describe("staff and partner users stay apart", () => {
  const updateUser = (input: Record<string, unknown>) =>
    api.gql<{ updateUser: { user: { roles: string[] } | null; userErrors: { code: string; field: string[] }[] } }>(
      `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { roles } userErrors { code field } } }`,
      { i: input },
      adminToken,
    );
  const rowOf = async (email: string) =>
    (
      await sql<{ id: string; version: number; roles: string[]; partner_roles: string[] }>(
        `select id, version, roles, partner_roles from app_user where email = ?`,
        [email],
      )
    )[0]!;

  it("refuses staff roles for a partner user through updateUser, and keeps its roles as they were", async () => {
    const before = await rowOf(loginOf("INTERCONSULTANT").email);
    const res = await updateUser({ id: before.id, expectedVersion: before.version, roles: ["ADMIN"] });
    expect(res.data.updateUser.userErrors).toEqual([{ code: "NOT_A_STAFF_USER", field: ["roles"] }]);
    const after = await rowOf(loginOf("INTERCONSULTANT").email);
    expect([after.version, after.roles, after.partner_roles]).toEqual([before.version, [], before.partner_roles]);
    const still = await api.gql<{ viewer: { kind: string } }>(`{ viewer { kind } }`, {}, userTokens.INTERCONSULTANT);
    expect(still.data.viewer.kind).toBe("PARTNER");
  });

  it("still changes a staff member's roles through updateUser", async () => {
    const staff = DEMO_LOGINS.find((l) => l.roles.includes("BILLING") && l.roles.length === 1)!;
    const before = await rowOf(staff.email);
    const res = await updateUser({ id: before.id, expectedVersion: before.version, roles: ["BILLING", "REVIEWER"] });
    expect(res.data.updateUser).toEqual({ user: { roles: ["BILLING", "REVIEWER"] }, userErrors: [] });
    const back = await updateUser({ id: before.id, expectedVersion: before.version + 1, roles: ["BILLING"] });
    expect(back.data.updateUser.userErrors).toEqual([]);
  });

  it("keeps one e-mail to one login across staff and partners", async () => {
    const res = await api.gql<{ createUser: { userErrors: { code: string }[] } }>(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }`,
      {
        i: {
          email: loginOf("LAB").email.toUpperCase(),
          name: "Copia",
          roles: ["OPERATOR"],
          password: "another-long-password-2",
        },
      },
      adminToken,
    );
    expect(res.data.createUser.userErrors.map((e) => e.code)).toEqual(["EMAIL_TAKEN"]);
  });
});
