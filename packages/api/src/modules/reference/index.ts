import type { EntityClass } from "@mikro-orm/core";
import "../patient/patient.scope.js";
import "../policy/policy.scope.js";
import "../user/user.scope.js";
import { PatientResolver } from "../patient/patient.resolver.js";
import { PolicyResolver } from "../policy/policy.resolver.js";
import { ServiceCodeResolver } from "../service-code/service-code.resolver.js";
import { WorkCalendarResolver } from "../work-calendar/work-calendar.resolver.js";
import { OrganizationVisitorsResolver, UserResolver } from "../user/user.resolver.js";
import { ApiKeyResolver } from "../api-key/api-key.resolver.js";
import { AuditEventResolver } from "../audit/audit.resolver.js";
import { NotificationReadResolver } from "../notification/notification.resolver.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [
  PatientResolver,
  PolicyResolver,
  ServiceCodeResolver,
  WorkCalendarResolver,
  UserResolver,
  OrganizationVisitorsResolver,
  ApiKeyResolver,
  AuditEventResolver,
  NotificationReadResolver,
];
// The reference entities themselves are registered in modules/registry.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [];

export { patientVisibilitySources, type PatientVisibilitySource } from "../patient/patient.scope.js";
export { patientMachine, PatientEvent } from "../patient/patient.machine.js";
export { PatientService } from "../patient/patient.service.js";
