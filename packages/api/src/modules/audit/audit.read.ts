import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { auditWhere, type AuditEventFilter } from "./audit.resolver.js";

/**
 * The audit trail on the compiled read path: `auditEvents`. Its visibility is the resolver's
 * @Authorized("REVIEWER") (ADMIN always), which the compiler checks from the decorator, and
 * the default row rule for entities without one (staff all, partners none).
 */
export function registerAuditReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "AuditEvent",
    entity: "AuditEvent",
    columns: [
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
    ],
  });
  hooks.add(READ_ROOTS, {
    field: "auditEvents",
    kind: "connection",
    type: "AuditEvent",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as AuditEventFilter | null;
      return Promise.resolve(() => auditWhere(filter) as never);
    },
    sort: () => ({ field: "createdAt", direction: SortDirection.DESC }),
  });
}
