import type { DomainModule } from "../../platform/composition/module.js";
import { caseRegistered } from "../case/case.events.js";
import { onCaseRegistered } from "./visit-creation.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
import { registerVisitExportRoutes } from "./visit.export.js";
import { VisitEntry } from "./visit-entry.entity.js";
import { VisitEntryFieldsResolver, VisitFieldsResolver, VisitLiabilityLinkFieldsResolver } from "./visit.fields.js";
import { VisitResolver } from "./visit.resolver.js";
import { registerVisitScopes } from "./visit.scope.js";
import { registerVisitReads } from "./visit.read.js";

/** Field visits and appointments (REST /exports/visits). */
export const visitModule: DomainModule = {
  name: "visit",
  entities: [Visit, VisitLiabilityLink, VisitEntry],
  resolvers: [VisitResolver, VisitFieldsResolver, VisitLiabilityLinkFieldsResolver, VisitEntryFieldsResolver],
  routes: [registerVisitExportRoutes],
  register(hooks) {
    registerVisitScopes(hooks);
    registerVisitReads(hooks);
    // 就诊登记: an INPATIENT case registered at a hospital opens a field visit waiting for assignment.
    hooks.add(caseRegistered, onCaseRegistered);
  },
};
