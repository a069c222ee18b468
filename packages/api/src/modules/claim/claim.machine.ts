import { Decimal } from "decimal.js";
import { defineMachine, type Actor, type Guard, type GuardContext } from "../../platform/state-machine/machine.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Claim, ClaimReturnReason } from "./claim.entity.js";
import { ClaimEvent, ClaimStatus } from "./claim.enums.js";
import { ClaimNotEligibleError, claimEligibility } from "../eligibility/claim-eligibility.js";
import { applyApprovedAmounts, type ApprovedLine } from "./claim-approval.js";
import { recomputeClaim } from "./claim-recompute.js";
import { closeDeliveryWindow, reopenDeliveryWindow } from "./claim.returned.js";
import { lockPolicyYear } from "../eligibility/policy-year-lock.js";
import { requiredDocumentsPresent } from "../document/document.checklist.js";
import { ClaimErrorCode } from "./claim.errors.js";

/**
 * The Claim machine of SPEC §3, row for row. Event data travels in `input.data`:
 * RETURN → `returnReasons` [{code, text}], APPROVE → `approvedLines` [{lineId, approvedAmount, reason}].
 */
const REGISTERING_AGENCY: Actor = { partner: "registeredBy" };
const OPERATOR: Actor = { role: "OPERATOR" };
const REVIEWER: Actor = { role: "REVIEWER" };
const BILLING: Actor = { role: "BILLING" };

export function returnReasonsOf(input: GuardContext<Claim>["input"]): ClaimReturnReason[] {
  const listed = (input.data?.returnReasons as ClaimReturnReason[] | undefined) ?? [];
  // A single reason may come as reasonCode + reason instead of a list.
  const single =
    input.reasonCode?.trim() && input.reason?.trim() ? [{ code: input.reasonCode, text: input.reason }] : [];
  return (listed.length > 0 ? listed : single)
    .map((r) => ({
      code: String(r.code ?? "")
        .trim()
        .toUpperCase(),
      text: String(r.text ?? "").trim(),
    }))
    .filter((r) => r.code || r.text);
}

const hasLines: Guard<Claim> = {
  code: ClaimErrorCode.LINES_REQUIRED,
  message: "A claim needs at least one line before it is submitted.",
  sync: true,
  check: ({ entity }) => entity.lineCount > 0,
};

const eligible: Guard<Claim> = {
  code: ClaimErrorCode.NOT_ELIGIBLE,
  message: "The claim is not eligible.",
  check: async ({ em, entity }) => {
    const result = await claimEligibility(em, entity);
    if (!result.eligible) throw new ClaimNotEligibleError(result.reasons);
    return true;
  },
};

const hasReturnReasons: Guard<Claim> = {
  code: ClaimErrorCode.RETURN_REASON_REQUIRED,
  message: "RETURN needs one or more reasons, each with a code and a text.",
  check: ({ input }) => {
    const reasons = returnReasonsOf(input);
    return reasons.length > 0 && reasons.every((r) => r.code.length > 0 && r.text.length > 0);
  },
};

const insurerPaidOrReason: Guard<Claim> = {
  code: ClaimErrorCode.INSURER_PAYMENT_INCOMPLETE,
  message: "The insurer's payments do not cover the approved payable; record the remittance or give a reason.",
  check: ({ entity, input }) =>
    new Decimal(entity.paidInsurer).greaterThanOrEqualTo(entity.approvedPayable ?? "0") || !!input.reason?.trim(),
};

async function onSubmit({ em, entity, now }: GuardContext<Claim>): Promise<void> {
  await recomputeClaim(em, entity);
  if (!entity.firstSubmittedAt) {
    entity.firstSubmittedAt = now;
    entity.deliveredOnTime = now.getTime() <= entity.deliveryDueAt.getTime();
  }
  entity.lastSubmittedAt = now;
  closeDeliveryWindow(entity, now);
}

const SUBMIT_RULE = {
  event: ClaimEvent.SUBMIT,
  to: ClaimStatus.SUBMITTED,
  who: [REGISTERING_AGENCY, OPERATOR],
  // The documents the claim's kind requires (document_type.required_for_claim_kinds), named when missing.
  guards: [hasLines, requiredDocumentsPresent, eligible],
  effect: onSubmit,
} as const;

export const claimMachine = defineMachine<Claim, ClaimStatus, ClaimEvent>({
  entityType: "Claim",
  creationEvent: "REGISTER",
  statuses: Object.values(ClaimStatus),
  events: Object.values(ClaimEvent),
  initial: ClaimStatus.DRAFT,
  terminal: [ClaimStatus.DENIED, ClaimStatus.SETTLED, ClaimStatus.CANCELLED],
  relations: { registeredBy: (c) => refId(c.registeredBy) },
  getStatus: (c) => c.status,
  setStatus: (c, s) => {
    c.status = s;
  },
  transitions: [
    { ...SUBMIT_RULE, from: [ClaimStatus.DRAFT], description: "Deliver to the review office." },
    { from: [ClaimStatus.SUBMITTED], event: ClaimEvent.START_REVIEW, to: ClaimStatus.IN_REVIEW, who: [REVIEWER] },
    {
      from: [ClaimStatus.IN_REVIEW],
      event: ClaimEvent.RETURN,
      to: ClaimStatus.RETURNED,
      who: [REVIEWER],
      guards: [hasReturnReasons],
      effect: async ({ em, entity, input, now }) => {
        entity.returnReasons = returnReasonsOf(input);
        await reopenDeliveryWindow(em, entity, entity.returnReasons, now);
      },
    },
    { ...SUBMIT_RULE, from: [ClaimStatus.RETURNED], description: "Resubmit after correcting." },
    {
      from: [ClaimStatus.IN_REVIEW],
      event: ClaimEvent.APPROVE,
      to: ClaimStatus.APPROVED,
      who: [REVIEWER],
      effect: async ({ em, entity, input, now }) => {
        // Before reading the year's usage: a concurrent approval must not consume the same remainder.
        await lockPolicyYear(em, entity);
        const lines = (input.data?.approvedLines as ApprovedLine[] | undefined) ?? [];
        if (lines.length > 0) await applyApprovedAmounts(em, entity, lines);
        const totals = await recomputeClaim(em, entity);
        entity.approvedGross = totals.gross;
        entity.approvedDeductibleApplied = totals.deductibleApplied;
        entity.approvedCovered = totals.covered;
        entity.approvedPatientShare = totals.patientShare;
        entity.approvedPayable = totals.covered;
        entity.approvedAt = now;
      },
    },
    {
      from: [ClaimStatus.IN_REVIEW],
      event: ClaimEvent.DENY,
      to: ClaimStatus.DENIED,
      who: [REVIEWER],
      requires: { reason: true },
      effect: ({ entity, input }) => {
        entity.denialReason = input.reason!.trim();
      },
    },
    {
      from: [ClaimStatus.APPROVED],
      event: ClaimEvent.SETTLE,
      to: ClaimStatus.SETTLED,
      who: [BILLING],
      requires: { reference: true },
      guards: [insurerPaidOrReason],
      effect: ({ entity, input, now }) => {
        entity.settlementReference = input.reference!.trim();
        entity.settlementNote = input.reason?.trim() || null;
        entity.settledAt = now;
      },
    },
    {
      from: [ClaimStatus.DRAFT, ClaimStatus.RETURNED],
      event: ClaimEvent.CANCEL,
      to: ClaimStatus.CANCELLED,
      who: [REGISTERING_AGENCY, OPERATOR],
    },
  ],
});
