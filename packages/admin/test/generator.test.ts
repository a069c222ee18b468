import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { buildSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";
import type { ResourceMeta, SchemaMeta } from "../src/resources/types";

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, "..");
const fixturePath = join(packageDir, "test/fixture.graphql");

let meta: SchemaMeta;
const resource = (name: string): ResourceMeta => {
  const found = meta.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

beforeAll(async () => {
  meta = describeSchema(buildSchema(await readFile(fixturePath, "utf8")));
});

describe("generator: resources from connection queries", () => {
  it("makes one resource per Query field returning an XConnection, and nothing else", () => {
    expect(meta.resources.map((r) => r.name)).toEqual(["cases", "orders", "organizations", "patients"]);
    expect(resource("orders")).toMatchObject({ typeName: "Order", listQuery: "orders", oneQuery: "order" });
  });

  it("picks a human representation field", () => {
    expect(resource("orders").representation).toBe("number");
    expect(resource("organizations").representation).toBe("name");
    expect(resource("patients").representation).toBe("customerNumber");
  });

  it("describes object fields of other resources as references and value objects by their scalars", () => {
    const fields = resource("orders").fields;
    expect(fields.find((f) => f.name === "provider")).toMatchObject({ kind: "reference", reference: "organizations" });
    expect(fields.find((f) => f.name === "case")).toMatchObject({ kind: "reference", reference: "cases" });
    expect(fields.find((f) => f.name === "amount")?.fields?.map((f) => [f.name, f.kind])).toEqual([
      ["amount", "decimal"],
      ["currency", "string"],
    ]);
    // lists of objects (reports, history) are left to hand-written screens
    expect(fields.map((f) => f.name)).not.toContain("reports");
    expect(fields.map((f) => f.name)).not.toContain("history");
  });

  it("lists scalar, enum and reference columns but hides id, version and JSON", () => {
    const columns = resource("orders").listColumns;
    expect(columns).toContain("status");
    expect(columns).toContain("provider");
    expect(columns).not.toContain("id");
    expect(columns).not.toContain("version");
    expect(columns).not.toContain("formData");
    expect(columns.length).toBeLessThanOrEqual(8);
  });

  it("reads filters from XFilter with references resolved through the owner type", () => {
    const filters = resource("orders").filters;
    expect(resource("orders").filterType).toBe("OrderFilter");
    expect(filters.find((f) => f.name === "providerId")).toMatchObject({
      kind: "reference",
      reference: "organizations",
    });
    expect(filters.find((f) => f.name === "patientId")).toMatchObject({ kind: "reference", reference: "patients" });
    expect(filters.find((f) => f.name === "tray")).toMatchObject({
      kind: "enum",
      choices: ["IN_PROCESS", "WORKED", "TO_MANAGE", "CLOSED"],
    });
    expect(filters.find((f) => f.name === "status")).toMatchObject({ kind: "enum", list: true });
    expect(resource("cases").filters.find((f) => f.name === "registeredById")).toMatchObject({
      reference: "organizations",
    });
  });

  it("maps the orderBy field enum to record fields", () => {
    expect(resource("orders").orderType).toBe("OrderOrder");
    expect(resource("orders").sortable).toContainEqual({ source: "createdAt", value: "CREATED_AT" });
    expect(resource("orders").sortable).toContainEqual({ source: "dueAt", value: "DUE_AT" });
  });
});

describe("generator: forms from mutation inputs", () => {
  it("finds issueX / registerX / createX as the create mutation and leaves provider-filled inputs out", () => {
    const create = resource("orders").create;
    expect(create).toMatchObject({
      name: "issueOrder",
      inputType: "IssueOrderInput",
      payloadField: "order",
      idempotent: true,
    });
    expect(create?.fields.map((f) => f.name)).not.toContain("idempotencyKey");
    expect(create?.fields.find((f) => f.name === "caseId")).toMatchObject({
      kind: "reference",
      reference: "cases",
      required: true,
    });
    expect(create?.fields.find((f) => f.name === "kind")).toMatchObject({
      kind: "enum",
      choices: ["EXAM", "EXPERT_OPINION", "INTERCONSULTATION"],
    });
    expect(create?.fields.find((f) => f.name === "formData")).toMatchObject({ kind: "json" });
    expect(create?.fields.find((f) => f.name === "amount")).toMatchObject({ kind: "object", required: false });
    expect(create?.fields.find((f) => f.name === "confirmBy")).toMatchObject({ kind: "datetime" });
    expect(resource("cases").create?.name).toBe("registerCase");
    expect(resource("organizations").create?.name).toBe("createOrganization");
  });

  it("resolves an ID input without an owner field through the kind enums (hospitalId → organizations)", () => {
    expect(resource("cases").create?.fields.find((f) => f.name === "hospitalId")).toMatchObject({
      kind: "reference",
      reference: "organizations",
    });
  });

  it("marks updates that need expectedVersion and drops id/expectedVersion from the form", () => {
    const update = resource("organizations").update;
    expect(update).toMatchObject({ name: "updateOrganization", versioned: true, idempotent: false });
    expect(update?.fields.map((f) => f.name)).toEqual(["name", "phone", "email", "region", "active"]);
    expect(resource("orders").update).toBeNull();
  });
});

describe("generator: transitions", () => {
  it("describes transitionX with its events, optional inputs and reason-code enum", () => {
    expect(resource("orders").transition).toEqual({
      mutation: "transitionOrder",
      inputType: "TransitionOrderInput",
      payloadField: "order",
      events: [
        "CONFIRM",
        "START_EVALUATION",
        "SUBMIT_FOR_REVIEW",
        "APPROVE",
        "REJECT",
        "RESUBMIT",
        "MARK_BILLED",
        "SUSPEND",
        "RESUME",
        "VOID",
      ],
      accepts: { reason: true, reasonCode: true, reference: true, scheduledAt: false },
      reasonCodes: ["INCOMPLETE_REPORT", "WRONG_PATIENT", "ILLEGIBLE", "OTHER"],
      reasonCodeSource: null,
    });
    expect(resource("cases").transition).toMatchObject({
      accepts: { reason: true, reasonCode: false, reference: false, scheduledAt: false },
      reasonCodes: [],
    });
  });

  it("has no transition when the type exposes availableTransitions but no transitionX mutation exists", () => {
    expect(resource("patients").transition).toBeNull();
  });
});

describe("generate CLI", () => {
  const cli = join(packageDir, "scripts/generate.mjs");

  it("--check exits 1 on a stale file and 0 once regenerated", async () => {
    const dir = await mkdtemp(join(tmpdir(), "admin-generate-"));
    const out = join(dir, "resources.ts");
    await writeFile(out, "// stale\n");
    await expect(run("node", [cli, "--schema", fixturePath, "--out", out, "--check"])).rejects.toMatchObject({
      code: 1,
    });
    await run("node", [cli, "--schema", fixturePath, "--out", out]);
    await expect(run("node", [cli, "--schema", fixturePath, "--out", out, "--check"])).resolves.toBeDefined();
    expect(await readFile(out, "utf8")).toContain("export const schemaMeta: SchemaMeta");
  });

  it("fails with a hint when the schema is missing", async () => {
    await expect(
      run("node", [cli, "--schema", join(tmpdir(), "no-such-schema.graphql"), "--check"]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no schema at"),
    });
  });

  it("the committed src/generated/resources.ts is current (from schema.graphql, or the fixture until it exists)", async () => {
    const rootSchema = resolve(packageDir, "../../schema.graphql");
    const schema = existsSync(rootSchema) ? rootSchema : fixturePath;
    await expect(run("node", [cli, "--schema", schema, "--check"])).resolves.toBeDefined();
  });
});
