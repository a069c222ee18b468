/**
 * THE access policy of the API (SPEC §1, §7): for every Query and Mutation field, who may
 * call it and, for partners, whose rows they see. access-matrix.int.test.ts calls every
 * operation as every kind of caller and compares each answer with this table; an
 * operation missing here fails that test, so a new operation cannot ship undeclared.
 *
 * `who` names: ANYONE (even anonymous), SIGNED_IN (any staff or partner), STAFF (any staff
 * role), PARTNER (any partner kind), a staff role, or a partner kind. ADMIN is listed
 * wherever it is allowed, because it is (auth-checker: ADMIN passes every staff check).
 *
 * `rows` says what a partner sees: OWN (only its organisation's rows: a foreign row must
 * answer exactly like a missing one), SHARED (reference data every signed-in caller reads),
 * NONE (the operation is open but partners get nothing of other organisations), or
 * STAFF_ONLY (partners are refused outright).
 */
export type Who =
  | "ANYONE"
  | "SIGNED_IN"
  | "STAFF"
  | "PARTNER"
  | "ADMIN"
  | "OPERATOR"
  | "REVIEWER"
  | "VISITOR"
  | "BILLING"
  | "CLINIC"
  | "LAB"
  | "HOSPITAL"
  | "INTERCONSULTANT"
  | "AGENCY"
  | "INSURER";

export type Rows = "OWN" | "SHARED" | "NONE" | "STAFF_ONLY" | "SELF";

export interface Policy {
  who: Who[];
  rows: Rows;
  /**
   * Mutations only: the audit action prefix a successful call writes (an audit_event with
   * the request's id), or `false` with the reason nothing is recorded.
   */
  audit?: string | { none: string };
}

const OWN: Rows = "OWN";
const SHARED: Rows = "SHARED";
const STAFF_ONLY: Rows = "STAFF_ONLY";
const OPS: Who[] = ["ADMIN", "OPERATOR"];

export const ACCESS_POLICY: Record<string, Policy> = {
  // ---- queries
  viewer: { who: ["ANYONE"], rows: "SELF" },
  apiKeys: { who: ["ADMIN", "PARTNER"], rows: OWN },
  partnerUsers: { who: ["ADMIN", "PARTNER"], rows: OWN },
  auditEvents: { who: ["ADMIN", "REVIEWER"], rows: STAFF_ONLY },
  case: { who: ["SIGNED_IN"], rows: OWN },
  cases: { who: ["SIGNED_IN"], rows: OWN },
  order: { who: ["SIGNED_IN"], rows: OWN },
  orders: { who: ["SIGNED_IN"], rows: OWN },
  orderTrayCounts: { who: ["SIGNED_IN"], rows: OWN },
  visit: { who: ["SIGNED_IN"], rows: OWN },
  visits: { who: ["SIGNED_IN"], rows: OWN },
  claim: { who: ["SIGNED_IN"], rows: OWN },
  claims: { who: ["SIGNED_IN"], rows: OWN },
  dailyCollections: { who: ["PARTNER", ...OPS, "BILLING"], rows: OWN },
  checkEligibility: { who: ["SIGNED_IN"], rows: OWN },
  estimateCost: { who: ["SIGNED_IN"], rows: OWN },
  claimModifiers: { who: ["SIGNED_IN"], rows: SHARED },
  monthlyStatistics: { who: ["PARTNER", ...OPS, "REVIEWER", "BILLING"], rows: OWN },
  supervisionRanking: { who: [...OPS, "REVIEWER", "BILLING"], rows: STAFF_ONLY },
  notifications: { who: ["PARTNER", ...OPS, "VISITOR"], rows: OWN },
  patient: { who: ["SIGNED_IN"], rows: OWN },
  patients: { who: ["SIGNED_IN"], rows: OWN },
  policy: { who: ["SIGNED_IN"], rows: OWN },
  policies: { who: ["SIGNED_IN"], rows: OWN },
  formTemplates: { who: ["SIGNED_IN"], rows: SHARED },
  formTemplate: { who: ["SIGNED_IN"], rows: SHARED },
  reportInbox: { who: OPS, rows: STAFF_ONLY },
  rejectionReasons: { who: ["SIGNED_IN"], rows: SHARED },
  organization: { who: ["SIGNED_IN"], rows: SHARED },
  organizations: { who: ["SIGNED_IN"], rows: SHARED },
  serviceCode: { who: ["SIGNED_IN"], rows: SHARED },
  serviceCodes: { who: ["SIGNED_IN"], rows: SHARED },
  workCalendar: { who: ["SIGNED_IN"], rows: SHARED },
  workCalendars: { who: ["SIGNED_IN"], rows: SHARED },
  user: { who: ["STAFF"], rows: STAFF_ONLY },
  users: { who: ["STAFF"], rows: STAFF_ONLY },

  // ---- branches (分公司): reference data for everyone; managed by head office
  branch: { who: ["SIGNED_IN"], rows: SHARED },
  branches: { who: ["SIGNED_IN"], rows: SHARED },
  branchMonthlyStatistics: { who: [...OPS, "REVIEWER", "BILLING"], rows: STAFF_ONLY },
  createBranch: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "branch." },
  updateBranch: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "branch." },
  setUserBranches: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "user." },
  setOrganizationBranch: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "organization." },
  moveCaseToBranch: { who: OPS, rows: STAFF_ONLY, audit: "case." },

  // ---- sessions and keys
  login: { who: ["ANYONE"], rows: "SELF", audit: "session.login" },
  refreshToken: {
    who: ["ANYONE"],
    rows: "SELF",
    audit: { none: "rotates a token; never succeeds with the matrix's unknown token" },
  },
  logout: {
    who: ["ANYONE"],
    rows: "SELF",
    audit: { none: "revoking an unknown refresh token is a no-op with nothing to record" },
  },
  chooseBranch: {
    who: ["ANYONE"],
    rows: "SELF",
    audit: { none: "rotates a token; never succeeds with the matrix's unknown token" },
  },
  createApiKey: { who: ["ADMIN", "PARTNER"], rows: OWN, audit: "apiKey." },
  revokeApiKey: { who: ["ADMIN", "PARTNER"], rows: OWN, audit: "apiKey." },
  // A partner's key manages its users as it manages its keys; a partner user needs PARTNER_ADMIN.
  createPartnerUser: { who: ["ADMIN", "PARTNER"], rows: OWN, audit: "partnerUser." },
  updatePartnerUser: { who: ["ADMIN", "PARTNER"], rows: OWN, audit: "partnerUser." },

  // ---- administration
  createOrganization: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "organization." },
  updateOrganization: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "organization." },
  createUser: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "user." },
  updateUser: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "user." },
  deactivateUser: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "user." },
  addVisitorHospital: { who: OPS, rows: STAFF_ONLY, audit: "user." },
  removeVisitorHospital: { who: OPS, rows: STAFF_ONLY, audit: "user." },
  createWorkCalendar: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "workCalendar." },
  updateWorkCalendar: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "workCalendar." },
  createServiceCode: { who: [...OPS, "BILLING"], rows: STAFF_ONLY, audit: "serviceCode." },
  updateServiceCode: { who: [...OPS, "BILLING"], rows: STAFF_ONLY, audit: "serviceCode." },
  recomputeMonthlyStatistics: { who: OPS, rows: STAFF_ONLY, audit: "monthlyStatistics." },

  // ---- patients and policies
  registerPatient: { who: [...OPS, "CLINIC", "HOSPITAL", "AGENCY"], rows: OWN, audit: "patient." },
  updatePatient: { who: [...OPS, "CLINIC", "HOSPITAL", "AGENCY"], rows: OWN, audit: "patient." },
  transitionPatient: { who: ["SIGNED_IN"], rows: OWN, audit: "patient." },
  createPolicy: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  updatePolicy: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  setPolicyLiability: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  addPolicyMember: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  removePolicyMember: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  addPolicyNetworkProvider: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },
  removePolicyNetworkProvider: { who: [...OPS, "INSURER"], rows: OWN, audit: "policy." },

  // ---- cases and orders
  registerCase: { who: [...OPS, "HOSPITAL", "AGENCY", "CLINIC"], rows: OWN, audit: "case." },
  transitionCase: { who: ["SIGNED_IN"], rows: OWN, audit: "case." },
  issueOrder: { who: OPS, rows: STAFF_ONLY, audit: "order." },
  transitionOrder: { who: ["SIGNED_IN"], rows: OWN, audit: "order." },
  attachOrderReport: { who: ["SIGNED_IN"], rows: OWN, audit: "order." },

  // ---- visits
  createFieldVisit: { who: OPS, rows: STAFF_ONLY, audit: "visit." },
  assignVisit: { who: OPS, rows: STAFF_ONLY, audit: "visit." },
  reassignVisit: { who: OPS, rows: STAFF_ONLY, audit: "visit." },
  saveVisitFindings: { who: ["STAFF"], rows: STAFF_ONLY, audit: "visit." },
  concludeVisit: { who: ["STAFF"], rows: STAFF_ONLY, audit: "visit." },
  scheduleAppointment: { who: [...OPS, "CLINIC", "LAB", "HOSPITAL", "INTERCONSULTANT"], rows: OWN, audit: "visit." },
  transitionVisit: { who: ["SIGNED_IN"], rows: OWN, audit: "visit." },

  // ---- claims
  registerClaim: { who: [...OPS, "HOSPITAL", "AGENCY", "CLINIC"], rows: OWN, audit: "claim." },
  setClaimLines: { who: [...OPS, "HOSPITAL", "AGENCY", "CLINIC"], rows: OWN, audit: "claim." },
  transitionClaim: { who: ["SIGNED_IN"], rows: OWN, audit: "claim." },
  setApprovedAmounts: { who: ["ADMIN", "REVIEWER"], rows: STAFF_ONLY, audit: "claim." },
  recordPayment: { who: ["SIGNED_IN"], rows: OWN, audit: "claim." },

  // ---- documents (SPEC §8): read where the owner is read, filed by its owner's registrant, the visit's visitor or operators
  documentTypes: { who: ["SIGNED_IN"], rows: SHARED },
  removeDocument: { who: [...OPS, "VISITOR", "PARTNER"], rows: OWN, audit: "document." },
  replaceDocument: { who: [...OPS, "VISITOR", "PARTNER"], rows: OWN, audit: "document." },
  document: { who: ["SIGNED_IN"], rows: OWN },
  documents: { who: ["SIGNED_IN"], rows: OWN },
  attachDocument: { who: [...OPS, "VISITOR", "PARTNER"], rows: OWN, audit: "document." },
  createDocumentType: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "documentType." },
  createFormTemplate: { who: OPS, rows: STAFF_ONLY, audit: "formTemplate." },
  createFormTemplateVersion: { who: OPS, rows: STAFF_ONLY, audit: "formTemplate." },
  activateFormTemplate: { who: OPS, rows: STAFF_ONLY, audit: "formTemplate." },
  retireFormTemplate: { who: OPS, rows: STAFF_ONLY, audit: "formTemplate." },
  acknowledgeOrderReports: { who: OPS, rows: STAFF_ONLY, audit: "order.reports." },
  updateDocumentType: { who: ["ADMIN"], rows: STAFF_ONLY, audit: "documentType." },

  // ---- webhooks (module in progress: declared from its resolver, exercised once in schema.graphql)
  webhookEndpoints: { who: [...OPS, "PARTNER"], rows: OWN },
  webhookDeliveries: { who: [...OPS, "PARTNER"], rows: OWN },
  createWebhookEndpoint: { who: [...OPS, "PARTNER"], rows: OWN, audit: "webhook" },
  updateWebhookEndpoint: { who: [...OPS, "PARTNER"], rows: OWN, audit: "webhook" },
  rotateWebhookSecret: { who: [...OPS, "PARTNER"], rows: OWN, audit: "webhook" },
  deleteWebhookEndpoint: { who: [...OPS, "PARTNER"], rows: OWN, audit: "webhook" },
  redeliverWebhook: { who: [...OPS, "PARTNER"], rows: OWN, audit: "webhook" },
};

/**
 * What "own rows" means for a partner, written independently of the scope filters from
 * SPEC §1: `?` is the partner's organisation id (repeated as often as it appears).
 */
export const PARTNER_ROWS: Record<string, string> = {
  order: `select id from attention_order where provider_id = ?
          or case_id in (select id from medical_case where registered_by_id = ? or hospital_id = ?)`,
  case: `select id from medical_case where registered_by_id = ? or hospital_id = ?
          or id in (select case_id from attention_order where provider_id = ?)
          or id in (select case_id from visit where site_id = ?)
          or id in (select case_id from claim where registered_by_id = ?)
          or id in (select c.case_id from claim c join policy p on p.id = c.policy_id where p.insurer_id = ?)`,
  visit: `select id from visit where site_id = ?`,
  // an insurer also reads the claims under its policies (SPEC §8 "Intake by partners")
  claim: `select id from claim where registered_by_id = ?
          or policy_id in (select id from policy where insurer_id = ?)`,
  // a document follows its owner: the claim's readers, the visit's, the case's for its own
  document: `select id from document where claim_id in (select id from claim where registered_by_id = ?
            or policy_id in (select id from policy where insurer_id = ?))
          or (claim_id is null and visit_id in (select id from visit where site_id = ?))
          or (claim_id is null and visit_id is null and case_id in (select id from medical_case
            where registered_by_id = ? or hospital_id = ?
            or id in (select case_id from attention_order where provider_id = ?)
            or id in (select case_id from visit where site_id = ?)
            or id in (select case_id from claim where registered_by_id = ?)
            or id in (select c.case_id from claim c join policy p on p.id = c.policy_id where p.insurer_id = ?)))`,
};

/**
 * What each restricted staff role sees (SPEC §8 "Staff row rules per role"), written
 * independently of the scope filters: `?` is the staff user's id (repeated as often as it
 * appears). ADMIN and OPERATOR see every row (no branches yet); a kind a role does not list
 * here it does not see at all. A VISITOR: the visits assigned to them and their cases,
 * patients, their own user row and the outbox messages sent to them about those visits.
 * BILLING: every claim, the orders where billing acts, the visits that produced a claim
 * (payout account), their cases and patients. REVIEWER: orders from IN_VERIFICATION on
 * (and those voided after reaching it), field visits IN_REVIEW/RETURNED/COMPLETED, claims
 * submitted at least once, their cases and patients, and the visitors of those visits.
 */
const REVIEW_ORDERS = `select id from attention_order where status in ('IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED')
  or (status = 'VOIDED' and id in (select entity_id from status_change where entity_type = 'Order' and to_status = 'IN_VERIFICATION'))`;
const REVIEW_VISITS = `select id from visit where kind = 'FIELD_VISIT' and status in ('IN_REVIEW', 'RETURNED', 'COMPLETED')`;
const REVIEW_CLAIMS = `select id from claim where status not in ('DRAFT', 'CANCELLED') or first_submitted_at is not null`;
const BILLING_ORDERS = `select id from attention_order where status in ('VALIDATED_FOR_BILLING', 'BILLED')`;
const casesOf = (orders: string, visits: string, claims: string) =>
  `select case_id id from attention_order where id in (${orders})
   union select case_id from visit where id in (${visits}) and case_id is not null
   union select case_id from claim where id in (${claims})`;
const patientsOf = (cases: string, visits: string) =>
  `select patient_id id from medical_case where id in (${cases}) union select patient_id from visit where id in (${visits})`;
const NOTHING = `select id from claim where false`;
const documentsOf = (claims: string, visits: string, cases: string) =>
  `select id from document where claim_id in (${claims})
   or (claim_id is null and visit_id in (${visits}))
   or (claim_id is null and visit_id is null and case_id in (${cases}))`;
const VISITOR_VISITS = `select id from visit where assignee_id = ?`;
const BILLING_VISITS = `select id from visit where id in (select source_visit_id from claim)`;

export const STAFF_ROWS: Record<"VISITOR" | "BILLING" | "REVIEWER", Record<string, string>> = {
  VISITOR: {
    visit: VISITOR_VISITS,
    case: casesOf(NOTHING, VISITOR_VISITS, NOTHING),
    patient: patientsOf(casesOf(NOTHING, VISITOR_VISITS, NOTHING), VISITOR_VISITS),
    order: NOTHING,
    claim: NOTHING,
    payment: NOTHING,
    document: documentsOf(NOTHING, VISITOR_VISITS, casesOf(NOTHING, VISITOR_VISITS, NOTHING)),
    user: `select id from app_user where id = ?`,
    notification: `select n.id from notification n join app_user u on u.phone = n.recipient
      where u.id = ? and n.related_type = 'Visit' and n.related_id in (${VISITOR_VISITS})`,
  },
  BILLING: {
    visit: BILLING_VISITS,
    case: casesOf(BILLING_ORDERS, NOTHING, "select id from claim"),
    patient: patientsOf(casesOf(BILLING_ORDERS, NOTHING, "select id from claim"), NOTHING),
    order: BILLING_ORDERS,
    claim: `select id from claim`,
    payment: `select id from payment`,
    document: documentsOf(
      "select id from claim",
      BILLING_VISITS,
      casesOf(BILLING_ORDERS, NOTHING, "select id from claim"),
    ),
    user: `select id from app_user where id = ?`,
  },
  REVIEWER: {
    visit: REVIEW_VISITS,
    case: casesOf(REVIEW_ORDERS, REVIEW_VISITS, REVIEW_CLAIMS),
    patient: patientsOf(casesOf(REVIEW_ORDERS, REVIEW_VISITS, REVIEW_CLAIMS), REVIEW_VISITS),
    order: REVIEW_ORDERS,
    claim: REVIEW_CLAIMS,
    payment: NOTHING,
    document: documentsOf(REVIEW_CLAIMS, REVIEW_VISITS, casesOf(REVIEW_ORDERS, REVIEW_VISITS, REVIEW_CLAIMS)),
    user: `select id from app_user where id = ? or id in (select assignee_id from visit where id in (${REVIEW_VISITS}))`,
  },
};

const STAFF_ROLES = new Set<Who>(["ADMIN", "OPERATOR", "REVIEWER", "VISITOR", "BILLING"]);

/** Whether the policy lets this caller through (door callers are handled by the test). */
export function mayCall(
  policy: Policy,
  caller: { staffRole?: string; partnerKind?: string; anonymous?: boolean },
): boolean {
  const who = new Set(policy.who);
  if (who.has("ANYONE")) return true;
  if (caller.anonymous) return false;
  if (who.has("SIGNED_IN")) return true;
  if (caller.staffRole)
    return (
      who.has("STAFF") ||
      who.has(caller.staffRole as Who) ||
      (caller.staffRole === "ADMIN" && [...who].some((w) => STAFF_ROLES.has(w)))
    );
  if (caller.partnerKind) return who.has("PARTNER") || who.has(caller.partnerKind as Who);
  return false;
}
