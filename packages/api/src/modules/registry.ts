/**
 * Every entity and resolver of the API, module by module. A new aggregate adds its
 * module here once; the ORM, the schema and the scoping rules pick it up from this list.
 */
import type { NonEmptyArray } from "type-graphql";
import { AuditEvent } from "../platform/audit/audit-event.entity.js";
import { StatusChange } from "../platform/audit/status-change.entity.js";
import { StatusChangeFieldsResolver } from "../platform/audit/status-change.fields.js";
import { IdempotencyRecord } from "../platform/idempotency/idempotency-record.entity.js";
import { DocumentCounter } from "./numbering/document-counter.entity.js";
import { Organization } from "./organization/organization.entity.js";
import { OrganizationResolver } from "./organization/organization.resolver.js";
import { WorkCalendar } from "./work-calendar/work-calendar.entity.js";
import { RefreshToken, User, VisitorHospital } from "./user/user.entity.js";
import { ApiKey } from "./api-key/api-key.entity.js";
import { Patient } from "./patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyNetworkProvider } from "./policy/policy.entity.js";
import { ServiceCode } from "./service-code/service-code.entity.js";
import { Case } from "./case/case.entity.js";
import { Notification } from "./notification/notification.entity.js";
import { SessionResolver } from "./session/session.resolver.js";
import "./scopes.js";
export { allErrorCodeSets } from "./error-codes.js";
import * as caseModule from "./case/index.js";
import * as orderModule from "./order/index.js";
import * as visitModule from "./visit/index.js";
import * as claimModule from "./claim/index.js";
import * as referenceModule from "./reference/index.js";
import * as statisticsModule from "./statistics/index.js";
import * as webhookModule from "./webhook/index.js";

const modules = [caseModule, orderModule, visitModule, claimModule, referenceModule, statisticsModule, webhookModule];

export const allEntities = [
  AuditEvent,
  StatusChange,
  IdempotencyRecord,
  DocumentCounter,
  Organization,
  WorkCalendar,
  User,
  VisitorHospital,
  RefreshToken,
  ApiKey,
  Patient,
  Policy,
  Liability,
  PolicyMember,
  PolicyNetworkProvider,
  ServiceCode,
  Case,
  Notification,
  ...modules.flatMap((m) => m.entities),
];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const allResolvers: NonEmptyArray<Function> = [
  SessionResolver,
  StatusChangeFieldsResolver,
  OrganizationResolver,
  ...modules.flatMap((m) => m.resolvers),
];
