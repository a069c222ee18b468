import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startTestApi();
  const admin = await new Fixtures(api.orm).user(["ADMIN"]);
  token = await loginAs(api.gql, admin.email, admin.password);
});
afterAll(async () => api?.close());

const CREATE = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id version specialties } userErrors { code field message } }
}`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id specialties active } userErrors { code field message } }
}`;
const LIST = `query($filter: OrganizationFilter) { organizations(first: 100, filter: $filter) { nodes { name } } }`;

interface Created {
  createOrganization: { organization: { id: string; version: number; specialties: string[] }; userErrors: unknown[] };
}

async function create(kind: string, name: string, specialties?: string[]) {
  const res = await api.gql<Created>(
    CREATE,
    { input: { kind, name, country: "CL", timeZone: "America/Santiago", specialties } },
    token,
  );
  expect(res.data.createOrganization.userErrors).toEqual([]);
  return res.data.createOrganization.organization;
}

async function names(filter: Record<string, unknown>): Promise<string[]> {
  const res = await api.gql<{ organizations: { nodes: { name: string }[] } }>(LIST, { filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data.organizations.nodes.map((n) => n.name).sort();
}

describe("provider pickers: organisations that fit a specialty, kind and active state", () => {
  it("lists the active providers of the kinds asked that state the specialty or state none", async () => {
    await create("LAB", "Fit Lab Trauma", ["traumatology", "traumatology", "radiology"]);
    await create("INTERCONSULTANT", "Fit Perito Psiquiatra", ["psychiatry"]);
    await create("CLINIC", "Fit Clínica General");
    await create("HOSPITAL", "Fit Hospital Trauma", ["traumatology"]);
    const closed = await create("LAB", "Fit Lab Cerrado", ["traumatology"]);
    expect(closed.specialties).toEqual(["traumatology"]);
    const off = await api.gql<{ updateOrganization: { organization: { active: boolean } } }>(
      UPDATE,
      { input: { id: closed.id, expectedVersion: closed.version, active: false } },
      token,
    );
    expect(off.data.updateOrganization.organization.active).toBe(false);

    const providers = { kind: ["LAB", "CLINIC", "INTERCONSULTANT"], active: true, search: "Fit " };
    expect(await names({ ...providers, specialty: "traumatology" })).toEqual(["Fit Clínica General", "Fit Lab Trauma"]);
    expect(await names({ ...providers, specialty: "psychiatry" })).toEqual([
      "Fit Clínica General",
      "Fit Perito Psiquiatra",
    ]);
    // without a specialty every active provider fits; the inactive lab and the hospital never do
    expect(await names(providers)).toEqual(["Fit Clínica General", "Fit Lab Trauma", "Fit Perito Psiquiatra"]);
  });

  it("replaces a provider's specialties on update, each once", async () => {
    const lab = await create("LAB", "Fit Lab Cambia", ["audiology"]);
    const res = await api.gql<{ updateOrganization: { organization: { specialties: string[] } } }>(
      UPDATE,
      { input: { id: lab.id, expectedVersion: lab.version, specialties: ["radiology", "radiology", "laboratory"] } },
      token,
    );
    expect(res.data.updateOrganization.organization.specialties).toEqual(["radiology", "laboratory"]);
  });
});
