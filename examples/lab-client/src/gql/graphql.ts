/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A report for an order: a document (fileId) or a structured form, not both. */
export type AttachOrderReportInput = {
  /** A file uploaded with POST /files. */
  fileId?: string | number | null | undefined;
  /** The form, validated against the specialty's active template. */
  form?: unknown;
  /** Makes a retried call attach nothing twice. */
  idempotencyKey?: string | null | undefined;
  /** PRELIMINARY or FINAL. */
  kind: ReportKind;
  /** The order. */
  orderId: string | number;
  /** The requested service (one of the order's requestedCodes) this report is for, when it has several. */
  serviceCode?: string | null | undefined;
};

/** A new webhook endpoint. */
export type CreateWebhookEndpointInput = {
  /** Free text to tell endpoints apart. */
  description?: string | null | undefined;
  /** The events to receive (at least one). */
  events: Array<WebhookEventType>;
  /** Makes a retried create return the first result (without the secret). */
  idempotencyKey?: string | null | undefined;
  /** Staff only: the partner organisation the endpoint belongs to. Partners omit it. */
  organizationId?: string | number | null | undefined;
  /** Where to POST events: https://… (http only outside production). */
  url: string;
};

/** Events of the order state machine (SPEC §3). */
export type OrderEvent =
  /** Operator validates the report for billing. */
  | 'APPROVE'
  /** Provider confirms the order, before confirmBy. */
  | 'CONFIRM'
  /** System only: a deadline passed. */
  | 'EXPIRE'
  /** Billing records the invoice reference. */
  | 'MARK_BILLED'
  /** Operator rejects the report; reasonCode and reason required; the provider is notified. */
  | 'REJECT'
  /** Provider resubmits; needs a FINAL report newer than the rejection. */
  | 'RESUBMIT'
  /** Operator resumes; deadlines move by the suspended time. */
  | 'RESUME'
  /** Provider starts the evaluation (Realizar evaluación). */
  | 'START_EVALUATION'
  /** Provider sends the order to review; needs a FINAL report. */
  | 'SUBMIT_FOR_REVIEW'
  /** Operator suspends the order (reason); deadlines stop. */
  | 'SUSPEND'
  /** Operator voids a non-terminal order (reason). */
  | 'VOID';

/** Where an attention order stands (SAGCOM 2 states). */
export type OrderStatus =
  /** Cobrada (terminal). */
  | 'BILLED'
  /** Confirmed by the provider. */
  | 'CONFIRMED'
  /** Expirada: a deadline passed (terminal). */
  | 'EXPIRED'
  /** The provider is performing the evaluation (Realizar evaluación). */
  | 'IN_EVALUATION'
  /** En verificación de recepción: the operator reviews the report. */
  | 'IN_VERIFICATION'
  /** Emitida: waiting for the provider to confirm. */
  | 'ISSUED'
  /** Rechazada: the provider must correct the report and resubmit. */
  | 'REJECTED'
  /** Suspendida: deadlines stop until it is resumed. */
  | 'SUSPENDED'
  /** Validada para cobro. */
  | 'VALIDATED_FOR_BILLING'
  /** Anulada (terminal). */
  | 'VOIDED';

/** Preliminary reports speed up the review; the FINAL one is what the operator validates. */
export type ReportKind =
  /** Informe final. */
  | 'FINAL'
  /** Informe preliminar. */
  | 'PRELIMINARY';

/** Fires an event of the order state machine. */
export type TransitionOrderInput = {
  /** The event (EXPIRE is system-only). */
  event: OrderEvent;
  /** The version you read. */
  expectedVersion: number;
  /** Order id. */
  id: string | number;
  /** Why (REJECT, SUSPEND, VOID). */
  reason?: string | null | undefined;
  /** Rejection reason code (see rejectionReasons). */
  reasonCode?: string | null | undefined;
  /** Invoice reference (MARK_BILLED). */
  reference?: string | null | undefined;
};

/** Why a mutation (or an eligibility check) refused: stable, switch on it. New values may be added; keep a default branch. */
export type UserErrorCode =
  /** Say why an approved amount is lowered (`reason`). */
  | 'ADJUSTMENT_REASON_REQUIRED'
  /** A record with the same unique values already exists. */
  | 'ALREADY_EXISTS'
  /** The code exists in several code systems: give the system too. */
  | 'AMBIGUOUS_SERVICE_CODE'
  /** An amount has more than 15 integer digits. */
  | 'AMOUNT_TOO_LARGE'
  /** A liability's annual limit is used up for this policy year. */
  | 'ANNUAL_LIMIT_EXHAUSTED'
  /** A no-show can be recorded only once the appointment time has passed. */
  | 'APPOINTMENT_NOT_DUE'
  /** Only appointments are attended, missed or rescheduled. */
  | 'APPOINTMENT_ONLY'
  /** An approved amount is above the line's computed amount. */
  | 'APPROVED_ABOVE_COMPUTED'
  /** An approved amount must be between 0 and the line's computed amount. */
  | 'APPROVED_AMOUNT_OUT_OF_RANGE'
  /** A COMPLETED visit needs the patient's payout bank account. */
  | 'BANK_ACCOUNT_REQUIRED'
  /** Another branch has this code. */
  | 'BRANCH_CODE_TAKEN'
  /** The branch named is inactive: it takes no new cases or members. */
  | 'BRANCH_INACTIVE'
  /** You cannot deactivate yourself. */
  | 'CANNOT_DEACTIVATE_SELF'
  /** The case still has orders, visits or claims that are not finished. */
  | 'CASE_HAS_OPEN_WORK'
  /** The case is closed or cancelled: no new orders or visits on it. */
  | 'CASE_NOT_OPEN'
  /** The case (or the order's case) belongs to another patient. */
  | 'CASE_PATIENT_MISMATCH'
  /** No payments on a claim in this status. */
  | 'CLAIM_CLOSED'
  /** Insurer payments are recorded once the claim is APPROVED. */
  | 'CLAIM_NOT_APPROVED'
  /** Lines change only while the claim is DRAFT or RETURNED. */
  | 'CLAIM_NOT_EDITABLE'
  /** Approved amounts are set while the claim is IN_REVIEW. */
  | 'CLAIM_NOT_IN_REVIEW'
  /** Choose a conclusion: COMPLETED or NO_LIABILITY. */
  | 'CONCLUSION_REQUIRED'
  /** The confirmation deadline (`confirmBy`) has passed. */
  | 'CONFIRMATION_DEADLINE_PASSED'
  /** Attach a FINAL report newer than the last rejection before resubmitting. */
  | 'CORRECTED_REPORT_REQUIRED'
  /** The date lies outside the policy's validity. */
  | 'COVERAGE_NOT_ACTIVE_ON_DATE'
  /** The payment is in another currency than the claim. */
  | 'CURRENCY_MISMATCH'
  /** Customer numbers are issued by the platform: omit `customerNumber` and read the one assigned. */
  | 'CUSTOMER_NUMBER_NOT_ALLOWED'
  /** Another patient has this customer number. */
  | 'CUSTOMER_NUMBER_TAKEN'
  /** The discount is above the range the service code allows (`ServiceCode.maxDiscountRate` of quantity × unit price); the message names the range. */
  | 'DISCOUNT_OUT_OF_RANGE'
  /** The document was already removed or replaced; its replacement is `replacedById`. */
  | 'DOCUMENT_REMOVED'
  /** A liability code appears twice in the policy. */
  | 'DUPLICATE_LIABILITY'
  /** Another user has this e-mail. */
  | 'EMAIL_TAKEN'
  /** The scheduled fee is in another currency than the policy: give `unitPrice`. */
  | 'FEE_CURRENCY_MISMATCH'
  /** The case already has an open field visit. */
  | 'FIELD_VISIT_EXISTS'
  /** Only field visits go through assignment, entry and review. */
  | 'FIELD_VISIT_ONLY'
  /** Attach a FINAL report before submitting the order for review. */
  | 'FINAL_REPORT_REQUIRED'
  /** A partner registers cases as itself: `registeredById` must be your organisation. */
  | 'FORBIDDEN_REGISTRANT'
  /** The form breaks its template: one userError per violation, `field` the path inside `form` (e.g. form, findings). */
  | 'FORM_INVALID'
  /** The form template's schema is not a usable JSON Schema (draft-07, an object with properties, strict keywords only). */
  | 'FORM_SCHEMA_INVALID'
  /** The specialty already has a form template: write a new version of it (`createFormTemplateVersion`). */
  | 'FORM_TEMPLATE_EXISTS'
  /** There is no form template for the order's specialty: upload a document instead. */
  | 'FORM_TEMPLATE_MISSING'
  /** Only head-office staff (no branch) may do this, e.g. move a case to another branch. */
  | 'HEAD_OFFICE_ONLY'
  /** A hospital registers cases at itself: `hospitalId` must be your organisation. */
  | 'HOSPITAL_MISMATCH'
  /** The case (an inpatient case, or a field visit's case) needs its hospital. */
  | 'HOSPITAL_REQUIRED'
  /** This `idempotencyKey` was already used with a different input; use a new key per action. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The incident date cannot be in the future. */
  | 'INCIDENT_DATE_IN_FUTURE'
  /** The insurer's payments do not cover the approved payable: record the remittance or give a reason. */
  | 'INSURER_PAYMENT_INCOMPLETE'
  /** An amount is not a decimal number, or (for a payment) not greater than zero. */
  | 'INVALID_AMOUNT'
  /** The payout bank account number is not valid for its scheme. */
  | 'INVALID_BANK_ACCOUNT'
  /** A coverage rate must be between 0 and 1. */
  | 'INVALID_COVERAGE_RATE'
  /** E-mail or password is wrong. */
  | 'INVALID_CREDENTIALS'
  /** The cursor is not one this API issued for this list (a top-level error, HTTP 400). */
  | 'INVALID_CURSOR'
  /** The patient's customer number is not 8 digits, so no scan key can be made. */
  | 'INVALID_CUSTOMER_NUMBER'
  /** A date is not a real YYYY-MM-DD day. */
  | 'INVALID_DATE'
  /** A number of working days must be a whole number of at least 0. */
  | 'INVALID_DAYS'
  /** `confirmBy` must be in the future and `dueAt` not before it. */
  | 'INVALID_DEADLINES'
  /** A diagnosis code is not an ICD-10 code such as S72.0. */
  | 'INVALID_DIAGNOSIS_CODE'
  /** A modifier factor must be a decimal such as 1.5 within the configured range (0.1..5). */
  | 'INVALID_FACTOR'
  /** The `idempotencyKey` is longer than 200 characters. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** A month is written YYYY-MM, e.g. 2026-03. */
  | 'INVALID_MONTH'
  /** monthFrom is after monthTo, or the range spans more than 36 months. */
  | 'INVALID_MONTH_RANGE'
  /** `offset` is negative (a top-level error, HTTP 400). */
  | 'INVALID_OFFSET'
  /** The organisation named is not a partner organisation (webhooks are for partners). */
  | 'INVALID_ORGANIZATION'
  /** The provider must be an active lab, clinic or interconsultant. */
  | 'INVALID_PROVIDER'
  /** A quantity must be a positive whole number. */
  | 'INVALID_QUANTITY'
  /** `reasonCode` must be one of the configured rejection reasons (`rejectionReasons`). */
  | 'INVALID_REASON_CODE'
  /** The refresh token is invalid or expired: log in again. */
  | 'INVALID_REFRESH_TOKEN'
  /** A scan key is 16 digits: the customer number and the incident date (YYYYMMDD). */
  | 'INVALID_SCAN_KEY'
  /** The time zone is not an IANA zone such as America/Santiago. */
  | 'INVALID_TIME_ZONE'
  /** The event is not possible from the object's current status. */
  | 'INVALID_TRANSITION'
  /** The URL is not a public https URL we deliver to; the message says why. */
  | 'INVALID_WEBHOOK_URL'
  /** Weekend days are 0 (Sunday) to 6 (Saturday) and leave at least one working day. */
  | 'INVALID_WEEKEND'
  /** A COMPLETED visit needs at least one liability link. */
  | 'LIABILITY_LINK_REQUIRED'
  /** The liability belongs to another policy. */
  | 'LIABILITY_NOT_IN_POLICY'
  /** A claim needs at least one line before it is submitted. */
  | 'LINES_REQUIRED'
  /** The patient declared a policy at intake; the insurer or the operator has not confirmed the membership yet. */
  | 'MEMBERSHIP_NOT_VERIFIED'
  /** The requested service codes have fees in different currencies. */
  | 'MIXED_CURRENCIES'
  /** An amount must not be negative. */
  | 'NEGATIVE_AMOUNT'
  /** The discount is larger than the line's amount. */
  | 'NEGATIVE_LINE'
  /** The organisation named must be an insurer. */
  | 'NOT_AN_INSURER'
  /** The organisation named must be an active hospital. */
  | 'NOT_A_HOSPITAL'
  /** API keys are for partner organisations; staff sign in instead. */
  | 'NOT_A_PARTNER'
  /** The user is operator staff; manage it with updateUser. */
  | 'NOT_A_PARTNER_USER'
  /** The organisation named must be a clinic, lab, specialist or hospital. */
  | 'NOT_A_PROVIDER'
  /** The user belongs to a partner organisation: it takes partner roles (updatePartnerUser). */
  | 'NOT_A_STAFF_USER'
  /** The user must be an active user with the VISITOR role. */
  | 'NOT_A_VISITOR'
  /** The order's deadline has not passed yet. */
  | 'NOT_DUE'
  /** SUBMIT refused on eligibility: followed by one userError per reason, its code the reason's (e.g. PATIENT_NOT_MEMBER). */
  | 'NOT_ELIGIBLE'
  /** The row does not exist or is outside your scope: the two answer alike, so neither is revealed. */
  | 'NOT_FOUND'
  /** Your kind of principal may not do this with claims or their payments (the message says who may). */
  | 'NOT_PERMITTED'
  /** The branch named is not one the user works in: choose one of `viewer.branches`. */
  | 'NOT_YOUR_BRANCH'
  /** The operation acts for your organisation, and this principal acts for none. */
  | 'NO_ORGANIZATION'
  /** The patient has no policy in force on the date. */
  | 'NO_POLICY'
  /** The closures leave too few working days to count the deadline; check them. */
  | 'NO_WORKING_DAYS'
  /** The order belongs to another case. */
  | 'ORDER_CASE_MISMATCH'
  /** The organisation named is inactive. */
  | 'ORGANIZATION_INACTIVE'
  /** Name the organisation the operation is for (`organizationId`). */
  | 'ORGANIZATION_REQUIRED'
  /** `first` or `last` is outside 0..100 (a top-level error, HTTP 400). */
  | 'PAGE_SIZE_OUT_OF_RANGE'
  /** Only the organisation that registered this patient may change it. */
  | 'PATIENT_NOT_EDITABLE'
  /** No such patient in your scope. */
  | 'PATIENT_NOT_FOUND'
  /** The patient is not a (verified) member of the policy. */
  | 'PATIENT_NOT_MEMBER'
  /** The payment is more than what is outstanding for this payer. */
  | 'PAYMENT_EXCEEDS_OUTSTANDING'
  /** The policy is not ACTIVE. */
  | 'POLICY_NOT_ACTIVE'
  /** No such policy in your scope. */
  | 'POLICY_NOT_FOUND'
  /** The patient is not a member of this policy. */
  | 'POLICY_NOT_HELD_BY_PATIENT'
  /** Another policy has this number. */
  | 'POLICY_NUMBER_TAKEN'
  /** The unit price is above the scheduled fee: give `priceOverrideReason`. */
  | 'PRICE_ABOVE_SCHEDULE'
  /** An appointment needs its provider (`providerId`). */
  | 'PROVIDER_REQUIRED'
  /** This event needs a `reasonCode`. */
  | 'REASON_CODE_REQUIRED'
  /** This event needs a `reason`. */
  | 'REASON_REQUIRED'
  /** `receivedAt` is in the future. */
  | 'RECEIVED_IN_FUTURE'
  /** This event needs a `reference`. */
  | 'REFERENCE_REQUIRED'
  /** Name the registering organisation (`registeredById`). */
  | 'REGISTRANT_REQUIRED'
  /** Send exactly one of `fileId` (a document) or `form`. */
  | 'REPORT_CONTENT_REQUIRED'
  /** The order's status takes no report of this kind (a rejected order takes only a FINAL one). */
  | 'REPORT_NOT_ALLOWED_IN_STATE'
  /** Only the order's provider or operator staff attach reports. */
  | 'REPORT_NOT_PERMITTED'
  /** SUBMIT refused: the claim kind requires a document of this type (field: documents.<TYPE CODE>); attach it to the claim or its case. One error per missing type. */
  | 'REQUIRED_DOCUMENT_MISSING'
  /** RETURN needs one or more reasons, each with a code and a text. */
  | 'RETURN_REASON_REQUIRED'
  /** The visit is already assigned to this visitor. */
  | 'SAME_VISITOR'
  /** The scan key does not match the patient's customer number and the incident date. */
  | 'SCAN_KEY_MISMATCH'
  /** The appointment time must be in the future. */
  | 'SCHEDULED_AT_IN_PAST'
  /** The visitor of a visit cannot review it. */
  | 'SELF_REVIEW_NOT_ALLOWED'
  /** The service code is no longer active. */
  | 'SERVICE_CODE_INACTIVE'
  /** A claim line's or estimate's service code (SYSTEM:CODE) is not in the fee schedule. */
  | 'SERVICE_CODE_UNKNOWN'
  /** The report's `serviceCode` is not one of the order's requested codes. */
  | 'SERVICE_NOT_REQUESTED'
  /** The row changed since you read it: read it again and send the new `version` as `expectedVersion`. */
  | 'STALE_VERSION'
  /** An amount has more decimals than its currency's minor unit (CLP and IRR none, EUR two). */
  | 'TOO_MANY_DECIMALS'
  /** `filter.ids` names more than 100 ids (a top-level error, HTTP 400). */
  | 'TOO_MANY_IDS'
  /** A claim has at most 200 lines. */
  | 'TOO_MANY_LINES'
  /** A visit takes at most 50 liability links. */
  | 'TOO_MANY_LINKS'
  /** The organisation has the most endpoints allowed. */
  | 'TOO_MANY_WEBHOOK_ENDPOINTS'
  /** Your organisation or role may not fire this event on this object. */
  | 'TRANSITION_NOT_PERMITTED'
  /** No active document type has this code (see documentTypes). */
  | 'UNKNOWN_DOCUMENT_TYPE'
  /** A modifier code is not one of `claimModifiers`. */
  | 'UNKNOWN_MODIFIER'
  /** An order's service code is not in the fee schedule. */
  | 'UNKNOWN_SERVICE_CODE'
  /** There is no public-holiday calendar for this country. */
  | 'UNSUPPORTED_COUNTRY'
  /** The currency is not an ISO 4217 code the engine knows. */
  | 'UNSUPPORTED_CURRENCY'
  /** There is no public-holiday calendar for this region of the country. */
  | 'UNSUPPORTED_REGION'
  /** This event carries data: fire it through its own mutation (the message names it). */
  | 'USE_DOMAIN_MUTATION'
  /** An input value breaks its field's rule (format, length, range); `field` is the path and the message says the rule. */
  | 'VALIDATION_FAILED'
  /** The visitor has no mobile phone for the SMS. */
  | 'VISITOR_HAS_NO_PHONE'
  /** The visitor does not cover this visit's hospital. */
  | 'VISITOR_NOT_LINKED_TO_HOSPITAL'
  /** This visit has no case, and its patient no 8-digit customer number or the visit no date, to file the document under. */
  | 'VISIT_WITHOUT_CASE'
  /** Re-enable the endpoint (`updateWebhookEndpoint` with `active: true`) first. */
  | 'WEBHOOK_ENDPOINT_INACTIVE';

/** A kind of event delivered to webhook endpoints; the payload's `type` is the dotted form (order.issued). */
export type WebhookEventType =
  /** appointment.rescheduled: an appointment at your organisation moved to another time. */
  | 'APPOINTMENT_RESCHEDULED'
  /** appointment.scheduled: a patient appointment was booked at your organisation. */
  | 'APPOINTMENT_SCHEDULED'
  /** claim.returned: a claim you registered was returned to you for corrections. */
  | 'CLAIM_RETURNED'
  /** claim.status_changed: a claim you registered changed status (other than a return). */
  | 'CLAIM_STATUS_CHANGED'
  /** order.issued: the operator issued an order to your organisation (you are its provider). */
  | 'ORDER_ISSUED'
  /** order.rejected: the operator rejected the report of one of your orders; correct it and RESUBMIT. */
  | 'ORDER_REJECTED'
  /** order.status_changed: one of your orders changed status (other than issue and rejection). */
  | 'ORDER_STATUS_CHANGED'
  /** visit.assigned: a field visit at your hospital was assigned (or reassigned) to a visitor. */
  | 'VISIT_ASSIGNED'
  /** visit.returned: a field visit at your hospital was returned to its visitor for corrections. */
  | 'VISIT_RETURNED';

export type NewOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NewOrdersQuery = { orders: { nodes: Array<{ id: string, number: string, version: number, status: OrderStatus, availableTransitions: Array<OrderEvent> }> } };

export type GetOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type GetOrderQuery = { order: { id: string, number: string, version: number, status: OrderStatus, availableTransitions: Array<OrderEvent> } | null };

export type TransitionOrderMutationVariables = Exact<{
  i: TransitionOrderInput;
}>;


export type TransitionOrderMutation = { transitionOrder: { order: { id: string, number: string, version: number, status: OrderStatus, availableTransitions: Array<OrderEvent> } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type AttachOrderReportMutationVariables = Exact<{
  i: AttachOrderReportInput;
}>;


export type AttachOrderReportMutation = { attachOrderReport: { order: { id: string, number: string, version: number, status: OrderStatus, availableTransitions: Array<OrderEvent> } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };

export type OrderRejectionQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderRejectionQuery = { order: { id: string, number: string, version: number, status: OrderStatus, availableTransitions: Array<OrderEvent>, rejection: { code: string, label: string, text: string, at: string } | null } | null };

export type CreateWebhookEndpointMutationVariables = Exact<{
  i: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { signingSecret: string | null, webhookEndpoint: { id: string } | null, userErrors: Array<{ code: UserErrorCode, field: Array<string> | null, message: string }> } };


export const NewOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ISSUED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableTransitions"}}]}}]}}]}}]} as unknown as DocumentNode<NewOrdersQuery, NewOrdersQueryVariables>;
export const GetOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableTransitions"}}]}}]}}]} as unknown as DocumentNode<GetOrderQuery, GetOrderQueryVariables>;
export const TransitionOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableTransitions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransitionOrderMutation, TransitionOrderMutationVariables>;
export const AttachOrderReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachOrderReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttachOrderReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachOrderReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableTransitions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AttachOrderReportMutation, AttachOrderReportMutationVariables>;
export const OrderRejectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderRejection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"availableTransitions"}},{"kind":"Field","name":{"kind":"Name","value":"rejection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]} as unknown as DocumentNode<OrderRejectionQuery, OrderRejectionQueryVariables>;
export const CreateWebhookEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;