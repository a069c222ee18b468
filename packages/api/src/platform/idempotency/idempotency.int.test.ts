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
  createOrganization(input: $input) { organization { id name version } userErrors { code field message } }
}`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id name version } userErrors { code field message } }
}`;
type Payload = {
  createOrganization: {
    organization: { id: string; name: string; version: number } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
};

const input = (key: string, name = "Laboratorio Andes") => ({
  kind: "LAB",
  name,
  country: "CL",
  timeZone: "America/Santiago",
  idempotencyKey: key,
});

async function countByName(name: string): Promise<number> {
  const rows = await api.orm.em
    .getConnection()
    .execute(`select count(*)::int as n from organization where name = ?`, [name]);
  return rows[0].n as number;
}

describe("idempotent creates", () => {
  it("returns the first result for a sequential retry and creates one row", async () => {
    const first = await api.gql<Payload>(CREATE, { input: input("seq-1", "Lab Seq") }, token);
    const again = await api.gql<Payload>(CREATE, { input: input("seq-1", "Lab Seq") }, token);
    expect(again.data.createOrganization.organization!.id).toBe(first.data.createOrganization.organization!.id);
    expect(await countByName("Lab Seq")).toBe(1);
  });

  it("creates one row when ten duplicates arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql<Payload>(CREATE, { input: input("conc-1", "Lab Concurrent") }, token)),
    );
    const ids = new Set(results.map((r) => r.data.createOrganization.organization?.id));
    expect(ids.size).toBe(1);
    expect(await countByName("Lab Concurrent")).toBe(1);
  });

  it("refuses the same key with a different input", async () => {
    await api.gql<Payload>(CREATE, { input: input("diff-1", "Lab One") }, token);
    const other = await api.gql<Payload>(CREATE, { input: input("diff-1", "Lab Two") }, token);
    expect(other.data.createOrganization.userErrors[0]!.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await countByName("Lab Two")).toBe(0);
  });

  it("reports invalid input as a userError with the field, and writes nothing", async () => {
    const bad = await api.gql<Payload>(
      CREATE,
      { input: { ...input("bad-1", "Lab Bad"), timeZone: "Mars/Base" } },
      token,
    );
    expect(bad.data.createOrganization.userErrors[0]).toMatchObject({ code: "VALIDATION_FAILED", field: ["timeZone"] });
    expect(await countByName("Lab Bad")).toBe(0);
  });
});

describe("optimistic locking", () => {
  it("refuses a stale expectedVersion with STALE_VERSION and keeps the newer change", async () => {
    const created = await api.gql<Payload>(CREATE, { input: input("lock-1", "Lab Lock") }, token);
    const org = created.data.createOrganization.organization!;
    const ok = await api.gql<{ updateOrganization: { organization: { version: number } } }>(
      UPDATE,
      { input: { id: org.id, expectedVersion: org.version, name: "Lab Lock A" } },
      token,
    );
    expect(ok.data.updateOrganization.organization.version).toBe(org.version + 1);
    const stale = await api.gql<{ updateOrganization: { organization: null; userErrors: { code: string }[] } }>(
      UPDATE,
      { input: { id: org.id, expectedVersion: org.version, name: "Lab Lock B" } },
      token,
    );
    expect(stale.data.updateOrganization.userErrors[0]!.code).toBe("STALE_VERSION");
    expect(await countByName("Lab Lock A")).toBe(1);
    expect(await countByName("Lab Lock B")).toBe(0);
  });
});
