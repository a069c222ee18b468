import type { EntityManager } from "@mikro-orm/postgresql";
import type { StatusChangeNotice } from "../../platform/state-machine/engine.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Order } from "../order/order.entity.js";
import type { Claim } from "../claim/claim.entity.js";
import type { Visit } from "../visit/visit.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { WebhookEvent } from "./webhook.entities.js";
import { WebhookEventType as T } from "./webhook.enums.js";
import { currentTraceparent } from "../../platform/telemetry/trace-context.js";

interface Versioned {
  id: string;
  version?: number;
}

interface Route<E> {
  /** The partner organisation the row concerns: the only one told about it. */
  organization: (entity: E) => string | null;
  /** The event type for this change, or null when partners are not told about it. */
  type: (notice: StatusChangeNotice, entity: E) => T | null;
}

const orderRoute: Route<Order> = {
  organization: (o) => refId(o.provider),
  type: (n) => (n.from === null ? T.ORDER_ISSUED : n.event === "REJECT" ? T.ORDER_REJECTED : T.ORDER_STATUS_CHANGED),
};

const claimRoute: Route<Claim> = {
  organization: (c) => refId(c.registeredBy),
  // The agency registered the claim itself: its creation is no news to it.
  type: (n) => (n.from === null ? null : n.event === "RETURN" ? T.CLAIM_RETURNED : T.CLAIM_STATUS_CHANGED),
};

const visitRoute: Route<Visit> = {
  organization: (v) => refId(v.site),
  type: (n, v) => {
    if (v.kind === "APPOINTMENT") {
      if (n.from === null) return T.APPOINTMENT_SCHEDULED;
      return n.event === "RESCHEDULE" ? T.APPOINTMENT_RESCHEDULED : null;
    }
    if (n.event === "ASSIGN" || n.event === "REASSIGN") return T.VISIT_ASSIGNED;
    return n.event === "RETURN" ? T.VISIT_RETURNED : null;
  },
};

const ROUTES: Record<string, Route<never>> = {
  Order: orderRoute as Route<never>,
  Claim: claimRoute as Route<never>,
  Visit: visitRoute as Route<never>,
};

/**
 * The entity the change is about, from the unit of work: loaded rows are in the identity
 * map, rows created in this transaction are still on the persist stack.
 */
function findEntity(em: EntityManager, entityType: string, id: string): Versioned | undefined {
  const uow = em.getUnitOfWork();
  const managed = uow.getById<Versioned>(entityType, id);
  if (managed) return managed;
  for (const e of uow.getPersistStack()) {
    if ((e as Versioned).id === id && e.constructor.name === entityType) return e as Versioned;
  }
  return undefined;
}

/**
 * The version the row will have once this transaction commits: the flush that writes the
 * new status bumps an existing row's version once, and inserts a new one at 1.
 */
function versionAfterCommit(em: EntityManager, entity: Versioned): number {
  const isNew = em.getUnitOfWork().getOriginalEntityData(entity) === undefined;
  return isNew ? 1 : (entity.version ?? 0) + 1;
}

/** Writes the outbox row for a status change partners subscribe to (same transaction). */
export function recordWebhookEvent(em: EntityManager, notice: StatusChangeNotice): void {
  const route = ROUTES[notice.entityType];
  if (!route) return;
  const entity = findEntity(em, notice.entityType, notice.entityId);
  if (!entity) return;
  const organizationId = route.organization(entity as never);
  const type = route.type(notice, entity as never);
  if (!organizationId || !type) return;
  em.persist(
    em.create(WebhookEvent, {
      type,
      occurredAt: notice.change.createdAt,
      organization: em.getReference(Organization, organizationId),
      objectType: notice.entityType,
      objectId: notice.entityId,
      objectStatus: notice.to,
      objectVersion: versionAfterCommit(em, entity),
      traceparent: currentTraceparent(),
    }),
  );
}
