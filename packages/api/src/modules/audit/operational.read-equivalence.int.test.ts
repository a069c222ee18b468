import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { connectionOf, ORG, PAGE_MODE, pick } from "../../test-support/read-world.fixtures.js";
import {
  expectOneStatementPerRead,
  expectSameAnswerOrRefusal,
  expectSameConnectionPage,
  principalOf,
  startOperationalWorld,
  type OperationalWorld,
} from "../../test-support/operational-world.fixtures.js";

/**
 * The operational lists on the compiled path equal the resolvers' answers for every principal
 * kind (issue 17): `notifications` (the outbox: a partner its own, a VISITOR the messages
 * sent to them, BILLING and REVIEWER refused), `auditEvents` (ADMIN and REVIEWER only),
 * `apiKeys` (no secret anywhere), `webhookEndpoints` and `webhookDeliveries` (a partner its
 * own, operators all). A refused principal is refused by the resolvers on both paths.
 */
let world: OperationalWorld;

beforeAll(async () => {
  world = await startOperationalWorld();
}, 300_000);
afterAll(async () => world?.api.close());

const page = (
  field: string,
  args: Record<string, string>,
  node: fc.Arbitrary<string>,
  base: fc.Arbitrary<Record<string, unknown>>,
) =>
  fc.assert(
    fc.asyncProperty(
      connectionOf(node),
      principalOf(world),
      base,
      fc.integer({ min: 1, max: 5 }),
      PAGE_MODE,
      fc.nat(),
      async (sel, who, vars, size, mode, n) =>
        expectSameConnectionPage(world, field, args, sel, who, world.principals[who]!, vars, size, mode, n),
    ),
    { numRuns: 30 },
  );

const NOTIFICATION = pick([
  "id",
  "channel",
  "recipient",
  "template",
  "language",
  "subject",
  "body",
  "dedupeKey",
  "status",
  "attempts",
  "lastError",
  "providerMessageId",
  "organizationId",
  "patientId",
  "relatedType",
  "relatedId",
  "recipientTimeZone",
  "sendAfter",
  "sentAt",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const AUDIT_EVENT = pick([
  "id",
  "actorKind",
  "actorId",
  "actorOrganizationId",
  "action",
  "entityType",
  "entityId",
  "changes",
  "requestId",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const API_KEY = fc
  .tuple(
    pick([
      "id",
      "name",
      "prefix",
      "scopes",
      "revokedAt",
      "organizationId",
      "version",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(ORG),
  )
  .map(([s, o]) => `{ ${s} ${o ? `organization ${o}` : ""} }`);
const ENDPOINT = pick([
  "id",
  "url",
  "events",
  "description",
  "active",
  "consecutiveFailureSince",
  "disabledAt",
  "organizationId",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const DELIVERY = fc
  .tuple(
    pick([
      "id",
      "status",
      "attempts",
      "nextAttemptAt",
      "lastStatusCode",
      "lastError",
      "deliveredAt",
      "eventId",
      "endpointId",
      "eventType",
      "occurredAt",
      "objectType",
      "objectId",
      "version",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(ENDPOINT),
  )
  .map(([s, e]) => `{ ${s} ${e ? `endpoint ${e}` : ""} }`);

const RATE = pick(["numerator", "denominator", "ratio", "percent", "__typename"]).map((s) => `{ ${s} }`);
const MONTHLY = fc
  .tuple(
    pick([
      "id",
      "month",
      "organizationId",
      "ordersIssued",
      "ordersValidated",
      "turnaroundMedianHours",
      "turnaroundP90Hours",
      "claimsApproved",
      "approvedAmount",
      "currency",
      "claimDeliveriesDue",
      "computedAt",
      "createdAt",
      "__typename",
    ]),
    fc.option(RATE),
    fc.option(RATE),
    fc.option(ORG),
  )
  .map(
    ([s, a, b, o]) =>
      `{ ${s} ${a ? `ordersFirstPassRate ${a}` : ""} ${b ? `claimsOnTimeRate ${b} ordersOnTimeRate ${b} claimsFirstPassRate ${b}` : ""} ${o ? `organization ${o}` : ""} }`,
  );

describe("compiled operational lists equal the resolvers' answers (property)", () => {
  it("notifications, with filters", async () => {
    const FILTER = fc.record(
      {
        status: fc.subarray(["QUEUED", "SENDING", "SENT", "FAILED", "SKIPPED"], { minLength: 1 }),
        channel: fc.constantFrom("SMS", "EMAIL"),
        template: fc.constantFrom("appointment-reminder", "order-rejected", "visit-assigned"),
        relatedType: fc.constantFrom("Visit", "Order"),
        relatedId: fc.constantFrom(...world.visitIds),
      },
      { requiredKeys: [] },
    );
    await page(
      "notifications",
      { filter: "NotificationFilter" },
      NOTIFICATION,
      fc.option(FILTER).map((filter) => ({ filter })),
    );
  }, 600_000);

  it("auditEvents, with filters", async () => {
    const FILTER = fc.record(
      {
        entityType: fc.constantFrom("Visit", "Claim", "Document", "Case"),
        entityId: fc.constantFrom(...world.visitIds, ...world.claimIds, ...world.documentIds),
        action: fc.constantFrom("claim.", "visit.", "document.", "document.remove", "nothing"),
        from: fc.constant(new Date(Date.now() - 86_400_000).toISOString()),
        to: fc.constant(new Date(Date.now() + 86_400_000).toISOString()),
      },
      { requiredKeys: [] },
    );
    await page(
      "auditEvents",
      { filter: "AuditEventFilter" },
      AUDIT_EVENT,
      fc.option(FILTER).map((filter) => ({ filter })),
    );
  }, 600_000);

  it("apiKeys, with filters", async () => {
    const FILTER = fc.record(
      { organizationId: fc.constantFrom(...world.orgIds), revoked: fc.boolean() },
      { requiredKeys: [] },
    );
    await page(
      "apiKeys",
      { filter: "ApiKeyFilter" },
      API_KEY,
      fc.option(FILTER).map((filter) => ({ filter })),
    );
  }, 600_000);

  it("apiKeys' lastUsedAt, read by staff (a key's own request may move its lastUsedAt between the two reads)", async () => {
    await expectSameAnswerOrRefusal(
      world,
      `{ apiKeys(first: 100) { totalCount nodes { id prefix lastUsedAt revokedAt organization { id name } } } }`,
      {},
      "admin",
      world.principals.admin!,
    );
  });

  it("webhookEndpoints, by organisation", async () => {
    await page(
      "webhookEndpoints",
      { organizationId: "ID" },
      ENDPOINT,
      fc.option(fc.constantFrom(...world.orgIds)).map((organizationId) => ({ organizationId })),
    );
  }, 600_000);

  it("webhookDeliveries, with filters and orderBy", async () => {
    const FILTER = fc.record(
      {
        endpointId: fc.constantFrom(...world.endpointIds),
        status: fc.subarray(["PENDING", "DELIVERED", "FAILED"], { minLength: 1 }),
        eventType: fc.subarray(["VISIT_ASSIGNED", "ORDER_ISSUED", "CLAIM_RETURNED"], { minLength: 1 }),
        objectId: fc.constantFrom(...world.visitIds),
      },
      { requiredKeys: [] },
    );
    const ORDER = fc.record({ field: fc.constant("CREATED_AT"), direction: fc.constantFrom("ASC", "DESC") });
    await page(
      "webhookDeliveries",
      { filter: "WebhookDeliveryFilter", orderBy: "WebhookDeliveryOrder" },
      DELIVERY,
      fc.tuple(fc.option(FILTER), fc.option(ORDER)).map(([filter, orderBy]) => ({ filter, orderBy })),
    );
  }, 600_000);

  it("monthlyStatistics, with filters and orderBy", async () => {
    const FILTER = fc.record(
      {
        organizationId: fc.constantFrom(...world.orgIds),
        monthFrom: fc.constantFrom("2026-02", "2025-12", "2026-13"),
        monthTo: fc.constantFrom("2026-02", "2026-03"),
      },
      { requiredKeys: [] },
    );
    const ORDER = fc.record({
      field: fc.constantFrom("MONTH", "ORDERS_ISSUED", "CLAIMS_REGISTERED", "COMPUTED_AT"),
      direction: fc.constantFrom("ASC", "DESC"),
    });
    await page(
      "monthlyStatistics",
      { filter: "MonthlyStatisticFilter", orderBy: "MonthlyStatisticOrder" },
      MONTHLY,
      fc.tuple(fc.option(FILTER), fc.option(ORDER)).map(([filter, orderBy]) => ({ filter, orderBy })),
    );
  }, 600_000);

  it("answers every list from rows the principals do see (the world is not empty)", async () => {
    const total = async (field: string, who: string) => {
      const r = await world.read("compiled", `{ ${field}(first: 100) { totalCount } }`, {}, world.principals[who]!);
      return (r.body as { data: Record<string, { totalCount: number }> }).data[field]!.totalCount;
    };
    expect(await total("notifications", "hospital")).toBeGreaterThan(0);
    expect(await total("notifications", "visitor")).toBeGreaterThan(0);
    expect(await total("notifications", "admin")).toBeGreaterThan(await total("notifications", "hospital"));
    // A REVIEWER reads only the trail of what it reviews (SPEC §8; audit.scope.ts): fewer than ADMIN.
    expect(await total("auditEvents", "admin")).toBeGreaterThan(0);
    expect(await total("auditEvents", "reviewer")).toBeLessThan(await total("auditEvents", "admin"));
    expect(await total("apiKeys", "clinic")).toBeGreaterThanOrEqual(2);
    expect(await total("webhookEndpoints", "hospital")).toBe(2);
    expect(await total("webhookDeliveries", "clinic")).toBe(2);
    expect(await total("webhookDeliveries", "operator")).toBe(6);
    expect(await total("monthlyStatistics", "hospital")).toBe(3);
    expect(await total("monthlyStatistics", "billing")).toBeGreaterThanOrEqual(9);
  });

  it("never lists a secret: no key hash, no signing secret in any compiled answer", async () => {
    for (const who of ["admin", "hospital"]) {
      const r = await world.read(
        "compiled",
        `{ apiKeys(first: 100) { nodes { id prefix name } } webhookEndpoints(first: 100) { nodes { id url } } }`,
        {},
        world.principals[who]!,
      );
      expect(r.answeredBy).toBe("compiled");
      expect(JSON.stringify(r.body)).not.toMatch(/secret|whsec_|Hash/i);
    }
  });

  it("is one statement per page of each list, at 10, 50 and 100", async () => {
    const q = (size: number) => `{
      n: notifications(first: ${size}) { totalCount nodes { id status recipient } }
      e: webhookEndpoints(first: ${size}) { totalCount nodes { id url events } }
      m: monthlyStatistics(first: ${size}) { totalCount nodes { id month approvedAmount ordersFirstPassRate { ratio } organization { name } } }
      d: webhookDeliveries(first: ${size}) { totalCount nodes { id eventType occurredAt endpoint { id url } } } }`;
    await expectOneStatementPerRead(world.api, world.principals, q, ["hospital", "operator", "operatorTEH"]);
    await expectOneStatementPerRead(
      world.api,
      world.principals,
      (size) => `{ apiKeys(first: ${size}) { totalCount nodes { id prefix organization { id name } } } }`,
      ["hospital", "admin"],
    );
    await expectOneStatementPerRead(
      world.api,
      world.principals,
      (size) => `{ auditEvents(first: ${size}) { totalCount nodes { id action changes } } }`,
      ["admin", "reviewer"],
    );
  });
});
