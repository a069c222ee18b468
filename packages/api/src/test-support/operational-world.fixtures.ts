/**
 * The read world (read-world.fixtures.ts) with the operational rows the compiled read path
 * serves since its third slice (issue 17): documents of claims, visits and cases (one
 * removed), outbox messages of several organisations and one to the visitor, webhook
 * endpoints, events and deliveries of two partners, a revoked key, and the audit trail the
 * world's writes left. Plus the comparisons those roots need: a root that refuses a principal
 * (@Authorized) must refuse it the same way on both paths.
 */
import { expect } from "vitest";
import fc from "fast-check";
import { SYSTEM } from "../platform/auth/principal.js";
import { forkFor } from "../platform/db/orm.js";
import { fieldCipher } from "../platform/crypto/field-encryption.js";
import { MonthlyStatistic } from "../modules/statistics/monthly-statistic.entity.js";
import { Notification, NotificationChannel, NotificationStatus } from "../modules/notification/notification.entity.js";
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "../modules/webhook/webhook.entities.js";
import { WebhookDeliveryStatus, WebhookEventType } from "../modules/webhook/webhook.enums.js";
import { PDF_BYTES, uploadFile } from "../modules/order/files/files.fixtures.js";
import { startReadWorld, statementRecorder, type ReadWorld } from "./read-world.fixtures.js";

export interface OperationalWorld extends ReadWorld {
  documentIds: string[];
  endpointIds: string[];
  /** Organisation ids worth filtering by (partners with rows, and one without). */
  orgIds: string[];
}

const ERRORS = "userErrors { code field message }";

async function attach(world: ReadWorld, token: string, input: Record<string, unknown>): Promise<string> {
  const file = await uploadFile(world.api.url, token, PDF_BYTES, "scan.pdf");
  expect(file.status, JSON.stringify(file.body)).toBe(201);
  const res = await world.api.gql<{ attachDocument: { document: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { document { id } ${ERRORS} } }`,
    { input: { fileId: String(file.body.id), ...input } },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data.attachDocument.userErrors).toEqual([]);
  return res.data.attachDocument.document!.id;
}

export async function startOperationalWorld(): Promise<OperationalWorld> {
  const world = await startReadWorld();
  const { api, w, principals: p } = world;
  const types = await api.gql<{ documentTypes: { code: string }[] }>(`{ documentTypes { code } }`, {}, p.admin);
  const codes = types.data.documentTypes.map((t) => t.code);
  expect(codes.length).toBeGreaterThan(1);
  const code = (n: number) => codes[n % codes.length]!;

  // Claims 0–1 are the Tehran agency's, 2–3 Isfahan's; cases 0–2 are the field visits'.
  const documentIds = [
    await attach(world, p.agencyTEH!, { claimId: world.claimIds[0], documentType: code(0), note: "factura" }),
    await attach(world, p.agencyTEH!, { caseId: world.caseIds[3], documentType: code(1) }),
    await attach(world, p.agencyISF!, { claimId: world.claimIds[2], documentType: code(2) }),
    await attach(world, p.visitor!, { visitId: world.visitIds[2], documentType: code(3), note: "床头卡" }),
    await attach(world, p.operator!, { visitId: world.visitIds[0], documentType: code(0) }),
    await attach(world, p.operator!, { caseId: world.caseIds[0], documentType: code(1) }),
    await attach(world, p.operator!, { claimId: world.claimIds[1], documentType: code(2) }),
  ];
  const removed = await api.gql<{ removeDocument: { userErrors: unknown[] } }>(
    `mutation($input: RemoveDocumentInput!) { removeDocument(input: $input) { document { id } ${ERRORS} } }`,
    { input: { id: documentIds[1], reason: "duplicado" } },
    p.operator,
  );
  expect(removed.data.removeDocument.userErrors).toEqual([]);

  const em = forkFor(api.orm, SYSTEM);
  const orgs = [w.hospital, w.clinic, w.otherHospital];
  let serial = 0;
  for (const [i, org] of orgs.entries())
    for (const status of [NotificationStatus.SENT, NotificationStatus.QUEUED, NotificationStatus.FAILED]) {
      serial += 1;
      em.create(Notification, {
        channel: serial % 2 ? NotificationChannel.SMS : NotificationChannel.EMAIL,
        recipient: serial % 2 ? `+5691234560${serial}` : `p${serial}@example.org`,
        template: i === 1 ? "appointment-reminder" : "order-rejected",
        language: "es",
        subject: serial % 2 ? null : "Aviso",
        body: `Mensaje ${serial} ✓`,
        dedupeKey: `op-world:${serial}:${Date.now()}`,
        status,
        attempts: status === NotificationStatus.QUEUED ? 0 : 2,
        lastError: status === NotificationStatus.FAILED ? "gateway 503" : null,
        organizationId: org.id,
        relatedType: "Visit",
        relatedId: world.visitIds[i],
        sendAfter: new Date(Date.now() - serial * 60_000),
        sentAt: status === NotificationStatus.SENT ? new Date() : null,
      } as never);
    }

  // A message to the visitor about a visit assigned to them: the one kind a VISITOR sees.
  em.create(Notification, {
    channel: NotificationChannel.SMS,
    recipient: w.visitor.phone,
    template: "visit-assigned",
    language: "zh",
    body: "您有新的探视任务",
    dedupeKey: `op-world:visitor:${Date.now()}`,
    status: NotificationStatus.SENT,
    attempts: 1,
    organizationId: w.hospital.id,
    relatedType: "Visit",
    relatedId: world.visitIds[1],
    sendAfter: new Date(),
    sentAt: new Date(),
  } as never);

  const endpointIds: string[] = [];
  for (const [i, org] of [w.hospital, w.hospital, w.clinic].entries()) {
    const endpoint = em.create(WebhookEndpoint, {
      organization: org,
      url: `https://hooks.example.org/${i}`,
      events:
        i === 2
          ? [WebhookEventType.APPOINTMENT_SCHEDULED]
          : [WebhookEventType.VISIT_ASSIGNED, WebhookEventType.ORDER_ISSUED],
      description: i === 1 ? "respaldo" : null,
      secretEnc: fieldCipher().encrypt(`whsec_${i}`),
      active: i !== 1,
      disabledAt: i === 1 ? new Date() : null,
    } as never);
    endpointIds.push(endpoint.id);
    for (const [n, type] of [WebhookEventType.VISIT_ASSIGNED, WebhookEventType.ORDER_ISSUED].entries()) {
      const event = em.create(WebhookEvent, {
        type,
        occurredAt: new Date(Date.now() - (i * 2 + n) * 3_600_000),
        organization: org,
        objectType: n ? "Order" : "Visit",
        objectId: world.visitIds[n]!,
        objectStatus: "ASSIGNED",
        objectVersion: 1,
      } as never);
      em.create(WebhookDelivery, {
        event,
        endpoint,
        status: n ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.DELIVERED,
        attempts: n ? 5 : 1,
        nextAttemptAt: null,
        lastStatusCode: n ? 500 : 200,
        lastError: n ? "HTTP 500" : null,
        deliveredAt: n ? null : new Date(),
      } as never);
    }
  }
  // Monthly figures: rates with and without denominators, amounts in 0- and 2-digit currencies.
  for (const [i, org] of orgs.entries())
    for (const [m, month] of ["2026-01", "2026-02", "2026-03"].entries()) {
      const k = i * 3 + m;
      em.create(MonthlyStatistic, {
        organization: org,
        month,
        ordersIssued: 10 + k,
        ordersConfirmed: 9,
        ordersValidated: k % 4 === 0 ? 0 : 7,
        ordersRejected: k % 3,
        ordersExpired: 0,
        ordersVoided: 1,
        turnaroundMedianHours: k % 2 ? 30.25 : null,
        turnaroundP90Hours: k % 2 ? 71.125 : null,
        claimsRegistered: k,
        claimsSubmitted: k,
        claimsSubmittedOnTime: Math.floor(k / 2),
        claimsReturned: k % 2,
        claimsApproved: 3,
        approvedAmount: k % 3 === 0 ? null : "125000.5000",
        currency: k % 3 === 0 ? null : k % 3 === 1 ? "CLP" : "EUR",
        visitsCompleted: 2,
        ordersFirstPass: k % 4 === 0 ? 0 : 2,
        ordersDue: 3,
        ordersDueOnTime: 2,
        claimsFirstPass: 1,
        claimDeliveriesDue: k % 2 ? 0 : 6,
        claimDeliveriesOnTime: k % 2 ? 0 : 4,
        computedAt: new Date(Date.now() - k * 1000),
      } as never);
    }
  await em.flush();
  await w.fx.apiKey(w.clinic, true);
  return { ...world, documentIds, endpointIds, orgIds: [w.hospital.id, w.clinic.id, w.otherHospital.id] };
}

/**
 * Both paths give the same body. The compiled path must have answered, unless the resolvers
 * refused the query (FORBIDDEN for a role the root's @Authorized refuses, the limits'
 * QUERY_TOO_COMPLEX): then the compiled path must have left it to them.
 */
export async function expectSameAnswerOrRefusal(
  world: Pick<ReadWorld, "read">,
  query: string,
  variables: Record<string, unknown>,
  who: string,
  token: string,
): Promise<void> {
  const compiled = await world.read("compiled", query, variables, token);
  const orm = await world.read("orm", query, variables, token);
  const what = `${who}: ${query} ${JSON.stringify(variables)}`;
  expect(compiled.body, what).toEqual(orm.body);
  const refused = (orm.body as { errors?: unknown[] }).errors?.length;
  expect(compiled.answeredBy, `${what} ${JSON.stringify(compiled.body)}`).toBe(refused ? "resolvers" : "compiled");
}

/**
 * A random page of a connection `field` whose arguments besides the window are `args`
 * (name → GraphQL type, values in `base`): first, last, offset, or a cursor taken from the
 * resolvers' own first page, both ways.
 */
export async function expectSameConnectionPage(
  world: Pick<ReadWorld, "read">,
  field: string,
  args: Record<string, string>,
  sel: string,
  who: string,
  token: string,
  base: Record<string, unknown>,
  size: number,
  mode: "first" | "last" | "after" | "before" | "offset",
  n: number,
): Promise<void> {
  const defs = Object.entries(args)
    .map(([k, t]) => `, $${k}: ${t}`)
    .join("");
  const uses = Object.keys(args)
    .map((k) => `, ${k}: $${k}`)
    .join("");
  const Q = (s: string) =>
    `query($first: Int, $last: Int, $after: String, $before: String, $offset: Int${defs}) {
      ${field}(first: $first, last: $last, after: $after, before: $before, offset: $offset${uses}) ${s} }`;
  let vars: Record<string, unknown> = { ...base, first: size };
  if (mode === "last") vars = { ...base, last: size };
  if (mode === "offset") vars = { ...base, first: size, offset: n % 5 };
  if (mode === "after" || mode === "before") {
    const page = await world.read("orm", Q("{ edges { cursor } }"), { ...base, first: 20 }, token);
    const edges = (page.body as { data: Record<string, { edges: { cursor: string }[] }> | null }).data?.[field]?.edges;
    if (edges?.length) {
      const cursor = edges[n % edges.length]!.cursor;
      vars = mode === "after" ? { ...base, first: size, after: cursor } : { ...base, last: size, before: cursor };
    }
  }
  await expectSameAnswerOrRefusal(world, Q(sel), vars, who, token);
}

/** Every principal of the world, by name. */
export const principalOf = (world: ReadWorld) => fc.constantFrom(...Object.keys(world.principals));

/**
 * The credential's look-up on a cache miss (the one statement a read may add), as
 * visit.read-statements has it, but the key's own statements only: `apiKeys` reads api_key too.
 */
const AUTH_LOOKUP =
  /\bfrom app_user u\b[^;]*?\bwhere u\.id\b|\bfrom api_key k join organization\b|\bupdate api_key set last_used_at\b/;

/**
 * One SQL statement per read (issue 17's proof): `query(size)` at page sizes 10, 50 and 100
 * for each named principal, after a first run that may add the credential's look-up; a
 * session whose user just changed (its branches were set) is not cached for a while, so its
 * look-up may come again, never anything else.
 */
export async function expectOneStatementPerRead(
  api: ReadWorld["api"],
  principals: Record<string, string>,
  query: (size: number) => string,
  who: readonly string[],
): Promise<void> {
  const recorder = statementRecorder(api);
  try {
    for (const name of who)
      for (const size of [10, 50, 100]) {
        const Q = query(size);
        await recorder.run(Q, {}, principals[name]!);
        const { sql, body } = await recorder.run(Q, {}, principals[name]!);
        const what = `${name}: ${Q} ${JSON.stringify(body).slice(0, 300)} ${sql.map((q) => q.slice(0, 200)).join(" ;; ")}`;
        expect(
          sql.filter((q) => !AUTH_LOOKUP.test(q)),
          what,
        ).toHaveLength(1);
        expect(sql.length, what).toBeLessThanOrEqual(2);
      }
  } finally {
    recorder.stop();
  }
}
