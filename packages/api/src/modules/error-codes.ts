/**
 * Every module's error codes, in the order docs/partners.md lists them. The schema's
 * `UserErrorCode` enum is built from this list, so a code missing here could not be sent:
 * the check below makes that a compile error.
 */
import {
  type ErrorCode,
  type ErrorCodeSet,
  platformErrorCodes,
  workCalendarErrorCodes,
} from "../platform/errors/error-codes.js";
import { branchErrorCodes } from "./branch/branch.errors.js";
import { caseErrorCodes } from "./case/case.errors.js";
import { claimErrorCodes } from "./claim/claim.errors.js";
import { documentErrorCodes } from "./document/document.errors.js";
import { claimEngineErrorCodes } from "./claim/engine/claim-engine.error.js";
import { eligibilityErrorCodes } from "./eligibility/eligibility.errors.js";
import { orderErrorCodes } from "./order/order.errors.js";
import { organizationErrorCodes } from "./organization/organization.errors.js";
import { patientErrorCodes } from "./patient/patient.errors.js";
import { paymentErrorCodes } from "./payment/payment.errors.js";
import { policyErrorCodes } from "./policy/policy.errors.js";
import { serviceCodeErrorCodes } from "./service-code/service-code.errors.js";
import { sessionErrorCodes } from "./session/session.errors.js";
import { statisticsErrorCodes } from "./statistics/statistics.errors.js";
import { userErrorCodes } from "./user/user.errors.js";
import { visitErrorCodes } from "./visit/visit.errors.js";
import { webhookErrorCodes } from "./webhook/webhook.errors.js";

export const allErrorCodeSets = [
  platformErrorCodes,
  organizationErrorCodes,
  branchErrorCodes,
  patientErrorCodes,
  policyErrorCodes,
  serviceCodeErrorCodes,
  caseErrorCodes,
  orderErrorCodes,
  visitErrorCodes,
  claimErrorCodes,
  claimEngineErrorCodes,
  eligibilityErrorCodes,
  paymentErrorCodes,
  documentErrorCodes,
  webhookErrorCodes,
  statisticsErrorCodes,
  sessionErrorCodes,
  userErrorCodes,
  workCalendarErrorCodes,
] as const satisfies readonly ErrorCodeSet[];

type Listed = (typeof allErrorCodeSets)[number] extends ErrorCodeSet<infer C> ? C : never;
/** Compiles only while every catalogued code (ErrorCodeCatalog) is in a listed set. */
export const everyErrorCodeListed: [Exclude<ErrorCode, Listed>] extends [never] ? true : never = true;
