/** GraphQL documents shared by the claim integration tests. */
export const CLAIM_FIELDS = `
  id number version status kind currency lineCount deliveryDueAt deliveredOnTime firstSubmittedAt overdue
  gross discountTotal deductibleApplied covered patientShare payable appliedCaps
  approvedTotals { gross deductibleApplied covered patientShare payable }
  paid { patient insurer } outstanding { patient insurer }
  returnReasons { code text } denialReason settlementReference
  registeredById caseId policyId liabilityId availableTransitions
  lines { id position serviceSystem serviceCode quantity unitPrice discount modifiers amount approvedAmount adjustmentReason }
  history { fromStatus toStatus event reason reasonCode }
`;

const ERRORS = "userErrors { code field message }";

export const REGISTER = `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const SET_LINES = `mutation($input: SetClaimLinesInput!) { setClaimLines(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const TRANSITION = `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { claim { ${CLAIM_FIELDS} } ${ERRORS} } }`;
export const CLAIM = `query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`;
export const CLAIMS = `query($filter: ClaimFilter) { claims(filter: $filter, first: 100) { totalCount nodes { id number } } }`;
export const ELIGIBILITY = `query($input: EligibilityInput!) { checkEligibility(input: $input) {
  eligible reasons { code message } coverageActive inNetwork deductible deductibleRemaining coverageRate preauthorizationRequired
  limitsRemaining { code annualLimit annualUsed annualRemaining perClaimLimit } } }`;
export const ESTIMATE = `query($input: EstimateInput!) { estimateCost(input: $input) {
  currency gross deductibleApplied covered patientShare payable coverageRate appliedCaps
  lines { code unitPrice amount } eligibility { eligible } } }`;
export const DAILY = `query($date: LocalDate!, $org: ID) { dailyCollections(date: $date, organizationId: $org) {
  date organizationId currency received { payer method amount count } receivedPatient receivedInsurer
  outstandingPatient outstandingInsurer outstandingClaims } }`;

export interface UserErrorShape {
  code: string;
  field: string[] | null;
  message: string;
}

export interface ClaimShape {
  id: string;
  number: string;
  version: number;
  status: string;
  gross: string;
  discountTotal: string;
  deductibleApplied: string;
  covered: string;
  patientShare: string;
  payable: string;
  appliedCaps: string[];
  deliveryDueAt: string;
  deliveredOnTime: boolean | null;
  approvedTotals: {
    gross: string;
    covered: string;
    patientShare: string;
    payable: string;
    deductibleApplied: string;
  } | null;
  paid: { patient: string; insurer: string };
  outstanding: { patient: string; insurer: string };
  returnReasons: { code: string; text: string }[];
  availableTransitions: string[];
  lines: {
    id: string;
    serviceCode: string;
    amount: string;
    approvedAmount: string | null;
    unitPrice: string;
    discount: string;
  }[];
  history: {
    fromStatus: string | null;
    toStatus: string;
    event: string;
    reason: string | null;
    reasonCode: string | null;
  }[];
  settlementReference: string | null;
}

export type PayloadShape = { claim: ClaimShape | null; userErrors: UserErrorShape[] };
