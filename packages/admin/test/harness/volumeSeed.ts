import { fakerES as faker } from "@faker-js/faker";

/**
 * Real volume on top of the demo seed, made through the API as the operator, the admin and
 * the providers themselves would: enough that every list page holds more than 15 distinct
 * references (the API's alias limit), which the demo alone never reaches on some screens.
 * After it the database holds ≥ 200 orders, ≥ 60 visits and ≥ 80 claims over ≥ 40 patients
 * and ≥ 20 providers.
 */

export const VOLUME = {
  /** new LAB organisations, each with its own API key, so orders spread over 20+ providers */
  providers: 20,
  /** orders issued here, a third of them driven to IN_VERIFICATION (the To manage tray) */
  orders: 100,
  /**
   * distinct patients the new orders' cases belong to; not a multiple of 3, so the orders
   * of each stage (i % 3) spread over every case and a tray page holds 25 distinct cases
   */
  orderPatients: 46,
  /** inpatient cases at one hospital, each with its pending field visit */
  pendingVisits: 30,
  /** claims registered by the operator, each on its own case */
  claims: 25,
} as const;

interface Gql {
  <T>(query: string, variables?: Record<string, unknown>, bearer?: string): Promise<T>;
}

function client(apiUrl: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}, bearer?: string) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "apollo-require-preflight": "true",
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`volume seed: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data as T;
  };
}

interface UserError {
  code: string;
  message: string;
}

/** The payload's record, failing loudly on userErrors: a seed that half-worked proves nothing. */
function ok<T>(payload: { userErrors: UserError[] } & Record<string, unknown>, field: string, what: string): T {
  if (payload.userErrors.length) throw new Error(`volume seed, ${what}: ${JSON.stringify(payload.userErrors)}`);
  return payload[field] as T;
}

async function login(gql: Gql, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    "mutation($input: LoginInput!) { login(input: $input) { accessToken } }",
    { input: { email, password } },
  );
  return data.login.accessToken;
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

const TRAUMA_FORM = {
  diagnosis: "Esguince de tobillo grado II",
  affectedSegment: "LOWER_LIMB",
  functionalLoss: 12,
  examinedAt: day(1),
};

interface Versioned {
  id: string;
  version: number;
}

export interface VolumeSummary {
  providers: number;
  orders: number;
  visits: number;
  claims: number;
  patients: number;
  /** the hospital whose pending visits the seed added */
  hospitalName: string;
}

export async function seedVolume(
  apiUrl: string,
  logins: { admin: { email: string; password: string }; operator: { email: string; password: string } },
): Promise<VolumeSummary> {
  faker.seed(2027);
  const gql = client(apiUrl);
  const admin = await login(gql, logins.admin.email, logins.admin.password);
  const operator = await login(gql, logins.operator.email, logins.operator.password);

  const { patients } = await gql<{ patients: { nodes: { id: string }[] } }>(
    "{ patients(first: 100, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id } } }",
    {},
    operator,
  );
  // the first hospital (by name, as the assignment screen lists them) a visitor covers
  const { organizations: hospitals } = await gql<{ organizations: { nodes: { id: string; name: string }[] } }>(
    "{ organizations(first: 100, filter: { kind: [HOSPITAL], active: true }) { nodes { id name } } }",
    {},
    operator,
  );
  let hospital: { id: string; name: string } | undefined;
  for (const candidate of hospitals.nodes) {
    const { users } = await gql<{ users: { totalCount: number } }>(
      "query($h: ID) { users(filter: { role: VISITOR, hospitalId: $h }) { totalCount } }",
      { h: candidate.id },
      admin,
    );
    if (users.totalCount > 0) {
      hospital = candidate;
      break;
    }
  }
  const hospitalId = hospital?.id;
  if (!hospitalId || patients.nodes.length < VOLUME.orderPatients + VOLUME.pendingVisits)
    throw new Error("volume seed: the demo seed has too few patients or no hospital");

  // providers, each acting through its own key
  const providers: { id: string; key: string }[] = [];
  for (let i = 0; i < VOLUME.providers; i++) {
    const created = await gql<{ createOrganization: { organization: { id: string } } & { userErrors: UserError[] } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { code message } } }`,
      {
        input: {
          kind: "LAB",
          name: `Laboratorio ${faker.company.name()} ${i + 1}`,
          country: "CL",
          timeZone: "America/Santiago",
          region: faker.location.state(),
          language: "es",
        },
      },
      admin,
    );
    const org = ok<{ id: string }>(created.createOrganization, "organization", "createOrganization");
    const key = await gql<{ createApiKey: { secret: string | null; userErrors: UserError[] } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code message } } }`,
      { input: { name: "LIS", organizationId: org.id } },
      admin,
    );
    providers.push({ id: org.id, key: ok<string>(key.createApiKey, "secret", "createApiKey") });
  }

  const registerCase = async (input: Record<string, unknown>) => {
    const data = await gql<{ registerCase: { case: { id: string } } & { userErrors: UserError[] } }>(
      `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { case { id } userErrors { code message } } }`,
      { input },
      operator,
    );
    return ok<{ id: string }>(data.registerCase, "case", "registerCase").id;
  };

  // outpatient cases for the orders, one patient each
  const orderCases: string[] = [];
  for (let i = 0; i < VOLUME.orderPatients; i++)
    orderCases.push(
      await registerCase({ patientId: patients.nodes[i]!.id, kind: "OUTPATIENT", incidentDate: day(20 + (i % 9)) }),
    );

  const transition = async (order: Versioned, event: string, bearer: string): Promise<Versioned> => {
    const data = await gql<{ transitionOrder: { order: Versioned } & { userErrors: UserError[] } }>(
      `mutation($input: TransitionOrderInput!) { transitionOrder(input: $input) { order { id version } userErrors { code message } } }`,
      { input: { id: order.id, event, expectedVersion: order.version } },
      bearer,
    );
    return ok<Versioned>(data.transitionOrder, "order", `order ${event}`);
  };

  for (let i = 0; i < VOLUME.orders; i++) {
    const provider = providers[i % providers.length]!;
    const issued = await gql<{ issueOrder: { order: Versioned } & { userErrors: UserError[] } }>(
      `mutation($input: IssueOrderInput!) { issueOrder(input: $input) { order { id version } userErrors { code message } } }`,
      {
        input: {
          caseId: orderCases[i % orderCases.length],
          providerId: provider.id,
          kind: "EXAM",
          specialty: "traumatology",
          serviceCodes: ["RX-STD"],
        },
      },
      operator,
    );
    let order = ok<Versioned>(issued.issueOrder, "order", "issueOrder");
    const stage = i % 3; // 0: stays ISSUED, 1: CONFIRMED, 2: IN_VERIFICATION
    if (stage === 0) continue;
    order = await transition(order, "CONFIRM", provider.key);
    if (stage === 1) continue;
    order = await transition(order, "START_EVALUATION", provider.key);
    const attached = await gql<{ attachOrderReport: { order: Versioned } & { userErrors: UserError[] } }>(
      `mutation($input: AttachOrderReportInput!) { attachOrderReport(input: $input) { order { id version } userErrors { code message } } }`,
      { input: { orderId: order.id, kind: "FINAL", form: TRAUMA_FORM } },
      provider.key,
    );
    order = ok<Versioned>(attached.attachOrderReport, "order", "attachOrderReport");
    await transition(order, "SUBMIT_FOR_REVIEW", provider.key);
  }

  // an inpatient case at the hospital opens its field visit, waiting for assignment
  for (let i = 0; i < VOLUME.pendingVisits; i++)
    await registerCase({
      patientId: patients.nodes[VOLUME.orderPatients + i]!.id,
      kind: "INPATIENT",
      hospitalId,
      incidentDate: day(1 + (i % 5)),
      description: "Ingreso por urgencia, pendiente de visita.",
    });

  // claims on active policies, each on a new case of one of the policy's members
  const { policies } = await gql<{
    policies: {
      nodes: { id: string; currency: string; members: { id: string }[]; liabilities: { id: string; code: string }[] }[];
    };
  }>(
    "{ policies(first: 100, filter: { status: [ACTIVE] }) { nodes { id currency members { id } liabilities { id code } } } }",
    {},
    operator,
  );
  // the fee schedule's CDT codes are priced in CLP
  const usable = policies.nodes.filter(
    (p) => p.currency === "CLP" && p.members.length > 0 && p.liabilities.some((l) => l.code === "DENT"),
  );
  if (usable.length === 0) throw new Error("volume seed: no active CLP policy with a member and a DENT liability");
  for (let i = 0; i < VOLUME.claims; i++) {
    const policy = usable[i % usable.length]!;
    const member = policy.members[Math.floor(i / usable.length) % policy.members.length]!;
    const caseId = await registerCase({ patientId: member.id, kind: "OUTPATIENT", incidentDate: day(30 + i) });
    const data = await gql<{ registerClaim: { claim: { id: string } } & { userErrors: UserError[] } }>(
      `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { id } userErrors { code message } } }`,
      {
        input: {
          caseId,
          policyId: policy.id,
          liabilityId: policy.liabilities.find((l) => l.code === "DENT")!.id,
          lines: [{ system: "CDT", code: i % 2 ? "D1110" : "D0150", quantity: 1 }],
        },
      },
      operator,
    );
    ok(data.registerClaim, "claim", "registerClaim");
  }

  const totals = await gql<Record<"orders" | "visits" | "claims" | "patients", { totalCount: number }>>(
    "{ orders { totalCount } visits { totalCount } claims { totalCount } patients { totalCount } }",
    {},
    operator,
  );
  const { organizations } = await gql<{ organizations: { totalCount: number } }>(
    "{ organizations(filter: { kind: [LAB, CLINIC, INTERCONSULTANT] }) { totalCount } }",
    {},
    operator,
  );
  return {
    providers: organizations.totalCount,
    orders: totals.orders.totalCount,
    visits: totals.visits.totalCount,
    claims: totals.claims.totalCount,
    patients: totals.patients.totalCount,
    hospitalName: hospital!.name,
  };
}
