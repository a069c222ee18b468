import type { DomainModule } from "../platform/composition/module.js";
import { apiKeyModule } from "./api-key/index.js";
import { auditModule } from "./audit/index.js";
import { branchModule } from "./branch/index.js";
import { caseModule } from "./case/index.js";
import { claimModule } from "./claim/index.js";
import { documentModule } from "./document/index.js";
import { eligibilityModule } from "./eligibility/index.js";
import { fhirModule } from "./fhir/index.js";
import { notificationModule } from "./notification/index.js";
import { numberingModule } from "./numbering/index.js";
import { orderModule } from "./order/index.js";
import { organizationModule } from "./organization/index.js";
import { patientModule } from "./patient/index.js";
import { paymentModule } from "./payment/index.js";
import { policyModule } from "./policy/index.js";
import { serviceCodeModule } from "./service-code/index.js";
import { sessionModule } from "./session/index.js";
import { statisticsModule } from "./statistics/index.js";
import { userModule } from "./user/index.js";
import { visitModule } from "./visit/index.js";
import { webhookModule } from "./webhook/index.js";
import { workCalendarModule } from "./work-calendar/index.js";

/**
 * Every module of the API. A new aggregate adds its module (modules/<aggregate>/index.ts)
 * here once; the composition root (src/app.ts) gives the ORM its entities, the schema its
 * resolvers, the HTTP app its routes, and calls its register(hooks).
 */
export const MODULES: readonly DomainModule[] = [
  auditModule,
  sessionModule,
  numberingModule,
  organizationModule,
  workCalendarModule,
  userModule,
  apiKeyModule,
  patientModule,
  policyModule,
  serviceCodeModule,
  caseModule,
  notificationModule,
  orderModule,
  visitModule,
  claimModule,
  eligibilityModule,
  paymentModule,
  documentModule,
  statisticsModule,
  branchModule,
  webhookModule,
  fhirModule,
];
