import type { EntityManager } from "@mikro-orm/postgresql";
import { actorOf, type Principal } from "../auth/principal.js";
import { AuditEvent } from "./audit-event.entity.js";
import type { EntityType } from "./entity-type.js";

export interface AuditInput {
  action: string;
  entityType: EntityType;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Queues an audit row in the unit of work, so it commits with the change it records. */
export function recordAudit(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  input: AuditInput,
): AuditEvent {
  const actor = actorOf(principal);
  const event = em.create(AuditEvent, {
    actorKind: actor.actorKind,
    actorId: actor.actorId,
    actorOrganizationId: actor.organizationId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: input.changes ?? null,
    requestId,
  });
  em.persist(event);
  return event;
}
