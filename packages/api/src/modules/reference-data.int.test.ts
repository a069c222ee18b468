import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../test-support/entities.fixtures.js";
import { Organization, OrganizationKind } from "./organization/organization.entity.js";

let api: TestApi;
let fx: Fixtures;
let admin: string;
let operator: string;
let reviewer: string;
let insurer: Organization;
let insurerKey: string;
let otherInsurerKey: string;
let clinicKey: string;
let hospital: Organization;

type Errors = { code: string; field: string[] | null }[];

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  const [a, o, r] = [await fx.user(["ADMIN"]), await fx.user(["OPERATOR"]), await fx.user(["REVIEWER"])];
  admin = await loginAs(api.gql, a.email, a.password);
  operator = await loginAs(api.gql, o.email, o.password);
  reviewer = await loginAs(api.gql, r.email, r.password);
  insurer = await fx.organization(OrganizationKind.INSURER);
  insurerKey = (await fx.apiKey(insurer)).secret;
  otherInsurerKey = (await fx.apiKey(await fx.organization(OrganizationKind.INSURER))).secret;
  clinicKey = (await fx.apiKey(await fx.organization(OrganizationKind.CLINIC))).secret;
  hospital = await fx.organization(OrganizationKind.HOSPITAL);
});
afterAll(async () => api?.close());

describe("work calendars", () => {
  const CREATE = `mutation($i: CreateWorkCalendarInput!) { createWorkCalendar(input: $i) { workCalendar { id version weekendDays closures } userErrors { code field } } }`;
  type Out = {
    createWorkCalendar: {
      workCalendar: { id: string; version: number; weekendDays: number[] } | null;
      userErrors: Errors;
    };
  };

  it("creates an Iranian calendar with a Friday weekend", async () => {
    const res = await api.gql<Out>(
      CREATE,
      { i: { name: "Iran", country: "IR", weekendDays: [5], timeZone: "Asia/Tehran" } },
      admin,
    );
    expect(res.data.createWorkCalendar).toMatchObject({ userErrors: [], workCalendar: { weekendDays: [5] } });
  });

  it.each([
    [{ country: "chile" }, "VALIDATION_FAILED", ["country"]],
    [{ country: "XX" }, "UNSUPPORTED_COUNTRY", ["country"]],
    [{ weekendDays: [0, 1, 2, 3, 4, 5, 6] }, "INVALID_WEEKEND", ["weekendDays"]],
    [{ closures: ["2026-02-30"] }, "INVALID_DATE", ["closures", "0"]],
    [{ timeZone: "Mars/Olympus" }, "VALIDATION_FAILED", ["timeZone"]],
  ])("refuses %j with %s", async (bad, code, field) => {
    const res = await api.gql<Out>(
      CREATE,
      { i: { name: "x", country: "CL", timeZone: "America/Santiago", ...bad } },
      admin,
    );
    expect(res.data.createWorkCalendar.userErrors[0]).toEqual({ code, field });
  });
});

describe("users and visitor hospitals", () => {
  const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id version email roles coveredHospitals { id } } userErrors { code field } } }`;
  type Out = {
    createUser: {
      user: { id: string; version: number; email: string; coveredHospitals: { id: string }[] } | null;
      userErrors: Errors;
    };
  };

  it("creates a visitor covering a hospital who can log in; Organization.visitors lists them", async () => {
    const res = await api.gql<Out>(
      CREATE,
      {
        i: {
          email: "New.Visitor@Operator.test",
          name: "Nuevo Visitador",
          roles: ["VISITOR"],
          password: "long-enough-pass",
          hospitalIds: [hospital.id],
        },
      },
      admin,
    );
    expect(res.data.createUser.userErrors).toEqual([]);
    expect(res.data.createUser.user).toMatchObject({
      email: "new.visitor@operator.test",
      coveredHospitals: [{ id: hospital.id }],
    });
    await loginAs(api.gql, "new.visitor@operator.test", "long-enough-pass");
    const org = await api.gql<{ organization: { visitors: { email: string }[] } }>(
      `query($id: ID!) { organization(id: $id) { visitors { email } } }`,
      { id: hospital.id },
      operator,
    );
    expect(org.data.organization.visitors.map((v) => v.email)).toContain("new.visitor@operator.test");
    // totalCount renders the same raw() filter a second time (the console's visitor picker asks for both).
    const list = await api.gql<{ users: { totalCount: number; nodes: { email: string }[] } }>(
      `query($h: ID!) { users(filter: { role: VISITOR, hospitalId: $h }) { totalCount nodes { email } } }`,
      { h: hospital.id },
      operator,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.users.nodes.map((n) => n.email)).toEqual(["new.visitor@operator.test"]);
    expect(list.data.users.totalCount).toBe(1);
  });

  it("refuses a short password, a duplicate e-mail and a hospital link for a non-visitor", async () => {
    const short = await api.gql<Out>(
      CREATE,
      { i: { email: "a@op.test", name: "A", roles: ["OPERATOR"], password: "short" } },
      admin,
    );
    expect(short.data.createUser.userErrors[0]).toEqual({ code: "VALIDATION_FAILED", field: ["password"] });
    const dup = await api.gql<Out>(
      CREATE,
      { i: { email: "NEW.visitor@operator.test", name: "B", roles: ["OPERATOR"], password: "long-enough-pass" } },
      admin,
    );
    expect(dup.data.createUser.userErrors[0]!.code).toBe("EMAIL_TAKEN");
    const op = await api.gql<Out>(
      CREATE,
      { i: { email: "op2@op.test", name: "Op", roles: ["OPERATOR"], password: "long-enough-pass" } },
      admin,
    );
    const link = await api.gql<{ addVisitorHospital: { userErrors: Errors } }>(
      `mutation($i: VisitorHospitalInput!) { addVisitorHospital(input: $i) { userErrors { code field } } }`,
      { i: { userId: op.data.createUser.user!.id, hospitalId: hospital.id } },
      admin,
    );
    expect(link.data.addVisitorHospital.userErrors[0]!.code).toBe("NOT_A_VISITOR");
  });

  it("deactivateUser stops the user's access token at once", async () => {
    const created = await api.gql<Out>(
      CREATE,
      { i: { email: "gone@op.test", name: "Gone", roles: ["BILLING"], password: "long-enough-pass" } },
      admin,
    );
    const token = await loginAs(api.gql, "gone@op.test", "long-enough-pass");
    const { id } = created.data.createUser.user!;
    // Logging in writes the user row (last login), so read the version afterwards.
    const read = await api.gql<{ user: { version: number } }>(
      `query($id: ID!) { user(id: $id) { version } }`,
      { id },
      admin,
    );
    const version = read.data.user.version;
    const res = await api.gql<{ deactivateUser: { user: { active: boolean }; userErrors: Errors } }>(
      `mutation($i: DeactivateUserInput!) { deactivateUser(input: $i) { user { active } userErrors { code } } }`,
      { i: { id, expectedVersion: version } },
      admin,
    );
    expect(res.data.deactivateUser.userErrors).toEqual([]);
    expect(res.data.deactivateUser.user.active).toBe(false);
    expect((await api.gql(`{ viewer { kind } }`, {}, token)).status).toBe(401);
  });

  it("hides staff from partners", async () => {
    const res = await api.gql(`{ users { totalCount } }`, {}, clinicKey);
    expect(res.errors).toHaveLength(1);
  });
});

describe("policies", () => {
  const CREATE = `mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { id version number insurerId liabilities { code coverageRate annualLimit } } userErrors { code field } } }`;
  type Out = {
    createPolicy: {
      policy: { id: string; version: number; insurerId: string; liabilities: { code: string }[] } | null;
      userErrors: Errors;
    };
  };
  const base = {
    type: "GROUP",
    holderName: "Puerto S.A.",
    validFrom: "2026-01-01",
    validTo: "2026-12-31",
    currency: "CLP",
  };

  it("lets an insurer create its own policy with liabilities, and only it (and staff) see it", async () => {
    const res = await api.gql<Out>(
      CREATE,
      {
        i: {
          ...base,
          number: "INS-1",
          liabilities: [{ code: "OUTP", name: "Ambulatorio", coverageRate: "0.8", annualLimit: "1000000.00" }],
        },
      },
      insurerKey,
    );
    expect(res.data.createPolicy.userErrors).toEqual([]);
    const policy = res.data.createPolicy.policy!;
    expect(policy.insurerId).toBe(insurer.id);
    // CLP has no minor unit: the echo shows "1000000" whatever the input's trailing zeros.
    expect(policy.liabilities).toEqual([{ code: "OUTP", coverageRate: "0.8000", annualLimit: "1000000" }]);
    const get = `query($id: ID!) { policy(id: $id) { id } }`;
    expect((await api.gql<{ policy: unknown }>(get, { id: policy.id }, otherInsurerKey)).data.policy).toBeNull();
    expect((await api.gql<{ policy: unknown }>(get, { id: policy.id }, clinicKey)).data.policy).toBeNull();
    expect((await api.gql<{ policy: { id: string } }>(get, { id: policy.id }, admin)).data.policy.id).toBe(policy.id);
    // A reviewer sees the policies of what it reviews (SPEC §8), not a policy nothing refers to.
    expect((await api.gql<{ policy: unknown }>(get, { id: policy.id }, reviewer)).data.policy).toBeNull();
  });

  it("refuses validTo before validFrom, a bad rate, and a non-insurer", async () => {
    const bad1 = await api.gql<Out>(
      CREATE,
      { i: { ...base, number: "B-1", insurerId: insurer.id, validTo: "2025-12-31" } },
      admin,
    );
    expect(bad1.data.createPolicy.userErrors[0]).toEqual({ code: "VALIDATION_FAILED", field: ["validTo"] });
    const bad2 = await api.gql<Out>(
      CREATE,
      { i: { ...base, number: "B-2", insurerId: insurer.id, coverageRate: "1.5" } },
      admin,
    );
    expect(bad2.data.createPolicy.userErrors[0]).toEqual({ code: "VALIDATION_FAILED", field: ["coverageRate"] });
    const bad3 = await api.gql<Out>(CREATE, { i: { ...base, number: "B-3", insurerId: hospital.id } }, admin);
    expect(bad3.data.createPolicy.userErrors[0]!.code).toBe("NOT_AN_INSURER");
  });

  it("adds and removes members and network providers; setPolicyLiability checks the version", async () => {
    const created = await api.gql<Out>(CREATE, { i: { ...base, number: "NET-1", insurerId: insurer.id } }, operator);
    const policy = created.data.createPolicy.policy!;
    const patient = await api.gql<{ registerPatient: { patient: { id: string } } }>(
      `mutation { registerPatient(input: { firstName: "Ana", lastName: "Díaz" }) { patient { id } } }`,
      {},
      operator,
    );
    const patientId = patient.data.registerPatient.patient.id;
    const link = (m: string, targetId: string) =>
      api.gql<
        Record<
          string,
          { policy: { members: { id: string }[]; networkProviders: { id: string }[] } | null; userErrors: Errors }
        >
      >(
        `mutation($i: PolicyLinkInput!) { ${m}(input: $i) { policy { members { id } networkProviders { id } } userErrors { code field } } }`,
        { i: { policyId: policy.id, targetId } },
        operator,
      );
    expect((await link("addPolicyMember", patientId)).data.addPolicyMember!.policy!.members).toEqual([
      { id: patientId },
    ]);
    expect(
      (await link("addPolicyNetworkProvider", hospital.id)).data.addPolicyNetworkProvider!.policy!.networkProviders,
    ).toEqual([{ id: hospital.id }]);
    expect(
      (await link("addPolicyNetworkProvider", insurer.id)).data.addPolicyNetworkProvider!.userErrors[0]!.code,
    ).toBe("NOT_A_PROVIDER");
    expect((await link("removePolicyMember", patientId)).data.removePolicyMember!.policy!.members).toEqual([]);
    const set = `mutation($i: SetPolicyLiabilityInput!) { setPolicyLiability(input: $i) { policy { version liabilities { code } } userErrors { code } } }`;
    const liability = { policyId: policy.id, code: "DENT", name: "Dental", coverageRate: "0.7" };
    const first = await api.gql<{
      setPolicyLiability: { policy: { version: number; liabilities: { code: string }[] } };
    }>(set, { i: { ...liability, expectedVersion: policy.version } }, operator);
    expect(first.data.setPolicyLiability.policy.liabilities).toEqual([{ code: "DENT" }]);
    const stale = await api.gql<{ setPolicyLiability: { userErrors: Errors } }>(
      set,
      { i: { ...liability, expectedVersion: policy.version } },
      operator,
    );
    expect(stale.data.setPolicyLiability.userErrors[0]!.code).toBe("STALE_VERSION");
  });
});

describe("service codes", () => {
  it("creates, refuses a duplicate, and filters by system", async () => {
    const create = `mutation($i: CreateServiceCodeInput!) { createServiceCode(input: $i) { serviceCode { id fee } userErrors { code field } } }`;
    const input = {
      system: "CDT",
      code: "D0150",
      description: "Comprehensive oral evaluation",
      fee: "35000.00",
      currency: "CLP",
    };
    const ok = await api.gql<{ createServiceCode: { serviceCode: { fee: string }; userErrors: Errors } }>(
      create,
      { i: input },
      operator,
    );
    expect(ok.data.createServiceCode).toMatchObject({ userErrors: [], serviceCode: { fee: "35000" } });
    const dup = await api.gql<{ createServiceCode: { userErrors: Errors } }>(create, { i: input }, operator);
    expect(dup.data.createServiceCode.userErrors[0]).toEqual({ code: "ALREADY_EXISTS", field: ["code"] });
    const bad = await api.gql<{ createServiceCode: { userErrors: Errors } }>(
      create,
      { i: { ...input, code: "D0120", fee: "12,5" } },
      operator,
    );
    expect(bad.data.createServiceCode.userErrors[0]).toEqual({ code: "VALIDATION_FAILED", field: ["fee"] });
    const list = await api.gql<{ serviceCodes: { nodes: { code: string }[] } }>(
      `{ serviceCodes(filter: { system: "CDT" }) { nodes { code } } }`,
      {},
      clinicKey,
    );
    expect(list.data.serviceCodes.nodes).toEqual([{ code: "D0150" }]);
  });
});

describe("audit events and notifications", () => {
  it("lists audit events filtered by action prefix for ADMIN, none of a policy's for REVIEWER, and refuses OPERATOR", async () => {
    const policyEvents = (token: string) =>
      api.gql<{ auditEvents: { nodes: { action: string }[] } }>(
        `{ auditEvents(first: 100, filter: { action: "policy." }) { nodes { action } } }`,
        {},
        token,
      );
    const res = await policyEvents(admin);
    expect(res.data.auditEvents.nodes.length).toBeGreaterThan(0);
    expect(res.data.auditEvents.nodes.every((n) => n.action.startsWith("policy."))).toBe(true);
    // A reviewer reads the trail of the orders, visits and claims it reviews, not of policies.
    expect((await policyEvents(reviewer)).data.auditEvents.nodes).toEqual([]);
    expect((await api.gql(`{ auditEvents { totalCount } }`, {}, operator)).errors).toHaveLength(1);
  });

  it("lists the outbox filtered by template", async () => {
    const reg = await api.gql<{ registerPatient: { patient: { id: string; version: number } } }>(
      `mutation { registerPatient(input: { firstName: "Li", lastName: "Wei", email: "li.wei@example.cn", emailConsent: true, language: zh }) { patient { id version } } }`,
      {},
      operator,
    );
    const p = reg.data.registerPatient.patient;
    await api.gql(
      `mutation($i: TransitionPatientInput!) { transitionPatient(input: $i) { userErrors { code } } }`,
      { i: { id: p.id, event: "ACTIVATE", expectedVersion: p.version } },
      operator,
    );
    const res = await api.gql<{
      notifications: { nodes: { template: string; language: string; relatedId: string }[] };
    }>(
      `{ notifications(filter: { template: "patient-welcome", channel: EMAIL }) { nodes { template language relatedId } } }`,
      {},
      operator,
    );
    expect(res.data.notifications.nodes).toEqual([{ template: "patient-welcome", language: "zh", relatedId: p.id }]);
  });
});
