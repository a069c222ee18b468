import { buildSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HttpError } from "react-admin";
import { describe, expect, it } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";
import { createDataProvider } from "../src/data/dataProvider";
import type { Request } from "../src/data/graphqlClient";
import { STALE_VERSION_MESSAGE } from "../src/data/userErrors";

const meta = describeSchema(buildSchema(readFileSync(join(import.meta.dirname, "fixture.graphql"), "utf8")));

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

/** A request function that records each call and answers with the next canned response. */
function recorder(...responses: unknown[]) {
  const calls: Call[] = [];
  const request: Request = async <T>(query: string, variables?: Record<string, unknown>) => {
    calls.push({ query, variables });
    return responses.shift() as T;
  };
  return { calls, provider: createDataProvider(meta, request) };
}

const order = { id: "o1", number: "ORD-1", version: 3, status: "ISSUED", provider: { id: "org1" }, case: { id: "c1" } };

describe("data provider over the generated metadata", () => {
  it("getList sends first/offset, the filter input and orderBy, and returns totalCount", async () => {
    const { calls, provider } = recorder({
      orders: { nodes: [order], totalCount: 41, pageInfo: { hasNextPage: true, hasPreviousPage: true } },
    });
    const result = await provider.getList("orders", {
      pagination: { page: 3, perPage: 20 },
      sort: { field: "dueAt", order: "ASC" },
      filter: { q: "smith", status: "ISSUED", providerId: "org1", unknown: "dropped" },
    });
    expect(calls[0].variables).toEqual({
      first: 20,
      offset: 40,
      filter: { search: "smith", status: ["ISSUED"], providerId: "org1" },
      orderBy: { field: "DUE_AT", direction: "ASC" },
    });
    expect(calls[0].query).toContain("orders(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy)");
    expect(calls[0].query).toContain("provider { id }");
    expect(calls[0].query).toContain("amount { amount currency }");
    expect(result.total).toBe(41);
    // references also appear flat so that ReferenceField and `providerId` inputs find them
    expect(result.data[0]).toMatchObject({ id: "o1", providerId: "org1", caseId: "c1" });
  });

  it("list rows leave out the per-record fields only a record page uses; a record page and the export ask for them", async () => {
    const empty = { orders: { nodes: [], totalCount: 0 } };
    const { calls, provider } = recorder(empty, empty, { order });
    await provider.getList("orders", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    await provider.getList("orders", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "id", order: "ASC" },
      filter: {},
      meta: { full: true },
    });
    await provider.getOne("orders", { id: "o1" });
    expect(calls[0].query).not.toContain("availableTransitions");
    expect(calls[0].query).toContain("provider { id }");
    expect(calls[1].query).toContain("availableTransitions");
    expect(calls[2].query).toContain("availableTransitions");
  });

  it("omits orderBy for a column the API cannot sort by and clamps the page size to 100", async () => {
    const { calls, provider } = recorder({ orders: { nodes: [], totalCount: 0 } });
    await provider.getList("orders", {
      pagination: { page: 1, perPage: 500 },
      sort: { field: "specialty", order: "ASC" },
      filter: {},
    });
    expect(calls[0].variables).toMatchObject({ first: 100, offset: 0, orderBy: undefined });
  });

  it("getMany loads a page's references in one ids-filtered list query, never one alias per id", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `org${i}`);
    const { calls, provider } = recorder({
      organizations: { nodes: ids.map((id) => ({ id })), totalCount: ids.length },
    });
    const { data } = await provider.getMany("organizations", { ids: [...ids, "org0"] });
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toMatchObject({ filter: { ids }, first: 40, offset: 0 });
    expect(calls[0].query).toContain("organizations(first: $first");
    expect(calls[0].query).not.toMatch(/\br\d+:/);
    expect(data).toHaveLength(40);
  });

  it("getMany splits more ids than the API's cap of 100 into one query per hundred", async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `org${i}`);
    const page = (from: number, to: number) => ({
      organizations: { nodes: ids.slice(from, to).map((id) => ({ id })), totalCount: to - from },
    });
    const { calls, provider } = recorder(page(0, 100), page(100, 200), page(200, 230));
    const { data } = await provider.getMany("organizations", { ids });
    expect(calls.map((c) => (c.variables?.filter as { ids: string[] }).ids.length)).toEqual([100, 100, 30]);
    expect(data).toHaveLength(230);
  });

  it("getMany of a resource with neither an ids filter nor single reads picks from its list", async () => {
    const noIds = {
      resources: meta.resources.map((r) =>
        r.name === "cases" ? { ...r, oneQuery: null, filters: r.filters.filter((f) => f.name !== "ids") } : r,
      ),
    };
    const calls: Call[] = [];
    const provider = createDataProvider(noIds, async <T>(query: string, variables?: Record<string, unknown>) => {
      calls.push({ query, variables });
      return { cases: { nodes: [{ id: "c1", patient: { id: "p1" } }, { id: "c2" }], totalCount: 2 } } as T;
    });
    const { data } = await provider.getMany("cases", { ids: ["c1", "missing"] });
    expect(calls).toHaveLength(1);
    expect(calls[0].variables).toMatchObject({ first: 100, offset: 0 });
    expect(data).toEqual([expect.objectContaining({ id: "c1", patientId: "p1" })]);
  });

  it("getManyReference filters by the target", async () => {
    const { calls, provider } = recorder({ orders: { nodes: [], totalCount: 0 } });
    await provider.getManyReference("orders", {
      target: "caseId",
      id: "c1",
      pagination: { page: 1, perPage: 10 },
      sort: { field: "createdAt", order: "DESC" },
      filter: {},
    });
    expect(calls[0].variables).toMatchObject({
      filter: { caseId: "c1" },
      orderBy: { field: "CREATED_AT", direction: "DESC" },
    });
  });

  it("create sends only declared inputs plus a fresh idempotency key", async () => {
    const { calls, provider } = recorder({ issueOrder: { order: { ...order }, userErrors: [] } });
    await provider.create("orders", {
      data: {
        caseId: "c1",
        providerId: "org1",
        kind: "EXAM",
        specialty: "ENT",
        amount: { amount: "12.50", currency: "EUR" },
        notAnInput: 1,
      },
    });
    const input = calls[0].variables?.input as Record<string, unknown>;
    expect(calls[0].query).toContain("issueOrder(input: $input)");
    expect(input).toMatchObject({
      caseId: "c1",
      providerId: "org1",
      kind: "EXAM",
      amount: { amount: "12.50", currency: "EUR" },
    });
    expect(input).not.toHaveProperty("notAnInput");
    expect(input.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("update sends the changed fields with expectedVersion from the loaded record", async () => {
    const previous = { id: "org1", version: 7, name: "Old", region: "North", kind: "CLINIC" };
    const { calls, provider } = recorder({
      updateOrganization: { organization: { ...previous, name: "New", version: 8 }, userErrors: [] },
    });
    const result = await provider.update("organizations", {
      id: "org1",
      data: { ...previous, name: "New" },
      previousData: previous,
    });
    expect(calls[0].variables?.input).toEqual({ id: "org1", expectedVersion: 7, name: "New" });
    expect(result.data).toMatchObject({ version: 8 });
  });

  it("turns userErrors into an HttpError whose body.errors maps fields for the form", async () => {
    const { provider } = recorder({
      createOrganization: {
        organization: null,
        userErrors: [
          { code: "INVALID", field: ["input", "email"], message: "Not an e-mail address" },
          { code: "DUPLICATE", field: null, message: "Tax id already registered" },
        ],
      },
    });
    const error = await provider
      .create("organizations", { data: { name: "X", kind: "CLINIC", email: "nope" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).body.errors).toEqual({
      email: "Not an e-mail address",
      root: { serverError: "Tax id already registered" },
    });
  });

  it('reports STALE_VERSION as "changed by someone else — reload"', async () => {
    const previous = { id: "org1", version: 7, name: "Old" };
    const { provider } = recorder({
      updateOrganization: {
        organization: null,
        userErrors: [{ code: "STALE_VERSION", field: null, message: "stale" }],
      },
    });
    const error = (await provider
      .update("organizations", { id: "org1", data: { name: "New" }, previousData: previous })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.message).toBe(STALE_VERSION_MESSAGE);
    expect(error.status).toBe(409);
    const { en } = await import("../src/i18n/messages/en");
    expect(en.clinigraph.errors.stale_version).toContain("changed by someone else — reload");
  });

  it("transition sends event, reason, reason code and expectedVersion", async () => {
    const { calls, provider } = recorder({
      transitionOrder: { order: { ...order, status: "REJECTED", version: 4 }, userErrors: [] },
    });
    const { data } = await provider.transition("orders", {
      id: "o1",
      event: "REJECT",
      reason: "Report unreadable",
      reasonCode: "ILLEGIBLE",
      previousData: order,
    });
    expect(calls[0].query).toContain("transitionOrder(input: $input)");
    expect(calls[0].variables?.input).toEqual({
      id: "o1",
      event: "REJECT",
      reason: "Report unreadable",
      reasonCode: "ILLEGIBLE",
      expectedVersion: 3,
    });
    expect(data).toMatchObject({ status: "REJECTED", version: 4 });
  });

  it("does not send inputs the transition mutation does not accept", async () => {
    const caseRecord = { id: "c1", version: 1 };
    const { calls, provider } = recorder({
      transitionCase: { case: { ...caseRecord, status: "CANCELLED" }, userErrors: [] },
    });
    await provider.transition("cases", {
      id: "c1",
      event: "CANCEL",
      reason: "dup",
      reasonCode: "X",
      reference: "R",
      scheduledAt: "2026-12-30T12:15:00.000Z",
      previousData: caseRecord,
    });
    expect(calls[0].variables?.input).toEqual({ id: "c1", event: "CANCEL", reason: "dup", expectedVersion: 1 });
  });
});

describe("data provider over the project's schema", () => {
  it("RESCHEDULE sends the picked time as scheduledAt, which transitionVisit accepts", async () => {
    const projectMeta = describeSchema(
      buildSchema(readFileSync(join(import.meta.dirname, "../../../schema.graphql"), "utf8")),
    );
    const visit = { id: "v1", version: 2, status: "SCHEDULED" };
    const calls: Call[] = [];
    const request: Request = async <T>(query: string, variables?: Record<string, unknown>) => {
      calls.push({ query, variables });
      return { transitionVisit: { visit, userErrors: [] } } as T;
    };
    await createDataProvider(projectMeta, request).transition("visits", {
      id: "v1",
      event: "RESCHEDULE",
      scheduledAt: "2026-12-30T12:15:00.000Z",
      previousData: visit,
    });
    expect(calls[0].variables?.input).toEqual({
      id: "v1",
      event: "RESCHEDULE",
      scheduledAt: "2026-12-30T12:15:00.000Z",
      expectedVersion: 2,
    });
  });
});
