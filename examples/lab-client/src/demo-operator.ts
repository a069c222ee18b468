import { ClinigraphClient } from "./client.js";

/**
 * The operator's side, for the end-to-end check only: signs in as the demo operator to
 * issue one order to the demo lab (so the run never depends on what the seed left
 * ISSUED) and to reject the lab's report, as a reviewer in the console would.
 */
async function signInAsOperator(apiUrl: string): Promise<ClinigraphClient> {
  const anon = new ClinigraphClient(apiUrl, "");
  const login = await anon.mutate<{ accessToken: string }>(
    "login",
    `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code field message } } }`,
    { i: { email: "operator@clinigraph.demo", password: "demo-operator-2026" } },
  );
  return new ClinigraphClient(apiUrl, login.accessToken);
}

export async function issueDemoOrder(apiUrl: string, labName: string): Promise<string> {
  const op = await signInAsOperator(apiUrl);
  const refs = await op.gql<{
    patients: { nodes: { id: string }[] };
    organizations: { nodes: { id: string; name: string }[] };
    serviceCodes: { nodes: { code: string }[] };
  }>(
    `{ patients(first: 1) { nodes { id } } organizations(first: 100, filter: { kind: [LAB] }) { nodes { id name } }
       serviceCodes(first: 1) { nodes { code } } }`,
  );
  const lab = refs.organizations.nodes.find((o) => o.name === labName) ?? refs.organizations.nodes[0]!;
  const kase = await op.mutate<{ case: { id: string } }>(
    "registerCase",
    `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { case { id } userErrors { code field message } } }`,
    {
      i: {
        patientId: refs.patients.nodes[0]!.id,
        kind: "OUTPATIENT",
        incidentDate: new Date().toISOString().slice(0, 10),
      },
    },
  );
  const order = await op.mutate<{ order: { id: string } }>(
    "issueOrder",
    `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id } userErrors { code field message } } }`,
    {
      i: {
        caseId: kase.case.id,
        providerId: lab.id,
        kind: "EXAM",
        specialty: "laboratory",
        serviceCodes: [refs.serviceCodes.nodes[0]!.code],
      },
    },
  );
  return order.order.id;
}

/** REJECT with a reason code from the configured list and the operator's explanation. */
export async function rejectOrder(apiUrl: string, orderId: string, reasonCode: string, reason: string) {
  const op = await signInAsOperator(apiUrl);
  const { order } = await op.gql<{ order: { version: number } | null }>(
    `query($id: ID!) { order(id: $id) { version } }`,
    {
      id: orderId,
    },
  );
  if (!order) throw new Error(`order ${orderId} not found`);
  const res = await op.mutate<{ order: { status: string; version: number } }>(
    "transitionOrder",
    `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { status version } userErrors { code field message } } }`,
    { i: { id: orderId, event: "REJECT", reasonCode, reason, expectedVersion: order.version } },
  );
  return res.order;
}
