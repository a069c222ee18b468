import type { DomainModule } from "../../platform/composition/module.js";
import { AuditEvent } from "../../platform/audit/audit-event.entity.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { AuditEventResolver } from "./audit.resolver.js";
import { StatusChangeFieldsResolver } from "./status-change.fields.js";
import { registerStatusChangeReads } from "./status-change.read.js";
import { registerAuditScopes } from "./audit.scope.js";
import { registerAuditReads } from "./audit.read.js";

/** The audit trail and status history (written by platform/audit), read through GraphQL. */
export const auditModule: DomainModule = {
  name: "audit",
  entities: [AuditEvent, StatusChange],
  resolvers: [AuditEventResolver, StatusChangeFieldsResolver],
  register(hooks) {
    registerStatusChangeReads(hooks);
    registerAuditScopes(hooks);
    registerAuditReads(hooks);
  },
};
