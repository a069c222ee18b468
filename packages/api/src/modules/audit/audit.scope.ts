import type { Hooks } from "../../platform/composition/hooks.js";
import { partnerOrStaff, staffSourcePoints, staffSourcesIn, staffThrough } from "../../platform/scoping/scope.js";

/**
 * Who reads which audit events (SPEC §8, "Staff row rules per role"). ADMIN reads the whole
 * trail; a REVIEWER only the events about what is submitted for review (the orders, field
 * visits and claims its own rules let it see), not the rest of the operator's trail (users,
 * keys, webhook endpoints, reads of sensitive fields elsewhere). Partners read none. Each
 * module adds the rows of its kind (order.scope, visit.scope, claim.scope), so this module
 * imports none of them; an event matches by its entity id (ids are UUIDs, unique across
 * tables).
 */
export const auditStaffVisibility = staffSourcePoints("audit event");

export function registerAuditScopes(hooks: Hooks): void {
  hooks.defineScope(
    "AuditEvent",
    partnerOrStaff(
      () => "NONE",
      staffThrough(staffSourcesIn(hooks, auditStaffVisibility), (alias) => `${alias}.entity_id`),
    ),
  );
}
