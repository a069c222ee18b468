import type { EntityClass } from "@mikro-orm/core";
import "./visit.scope.js";
import { caseRegisteredHandlers } from "../case/case.events.js";
import { onCaseRegistered } from "./visit-creation.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
import { VisitFieldsResolver, VisitLiabilityLinkFieldsResolver } from "./visit.fields.js";
import { VisitResolver } from "./visit.resolver.js";

// 就诊登记: an INPATIENT case registered at a hospital opens a field visit waiting for assignment.
caseRegisteredHandlers.push(onCaseRegistered);

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [VisitResolver, VisitFieldsResolver, VisitLiabilityLinkFieldsResolver];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [Visit, VisitLiabilityLink];

export { Visit, VisitLiabilityLink } from "./visit.entity.js";
export { VisitConclusion, VisitEvent, VisitKind, VisitStatus } from "./visit.enums.js";
export { visitMachine, reminderDueFor, REMINDER_LEAD_MS } from "./visit.machine.js";
export { visitApprovedHandlers, type VisitApprovedHandler } from "./visit.events.js";
export { registerVisitExportRoutes } from "./visit.export.js";
