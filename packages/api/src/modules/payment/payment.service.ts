import type { EntityManager } from "@mikro-orm/postgresql";
import { LockMode } from "@mikro-orm/core";
import { isPartner, isStaff, actorOf, type Principal } from "../../platform/auth/principal.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Policy } from "../policy/policy.entity.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { Claim } from "../claim/claim.entity.js";
import { APPROVED_STATES, ClaimStatus, PaymentPayer } from "../claim/claim.enums.js";
import type { RecordPaymentInput } from "./payment.inputs.js";
import { formatMoney, parseMoney } from "../claim/engine/index.js";
import { compareMoney, money } from "../claim/engine/index.js";
import { refreshOutstanding } from "../claim/claim-recompute.js";
import { Payment } from "./payment.entity.js";
import { ClaimEngineErrorCode } from "../claim/engine/claim-engine.error.js";
import { ClaimErrorCode } from "../claim/claim.errors.js";
import { PaymentErrorCode } from "./payment.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

/**
 * Who records which payment (SPEC §8 "Intake by partners"), in one place: the patient's
 * co-pay is collected by whoever registered the claim (an agency, a clinic at its desk, a
 * hospital) or by OPERATOR and BILLING staff; the insurer's remittance is recorded by
 * BILLING or by the insurer whose policy the claim is under. The claim was read through
 * the caller's scope, so a partner here already sees it.
 */
async function mayRecord(em: EntityManager, principal: Principal, claim: Claim, payer: PaymentPayer): Promise<boolean> {
  if (payer === PaymentPayer.PATIENT)
    return (
      isStaff(principal, "OPERATOR", "BILLING") ||
      (isPartner(principal) && refId(claim.registeredBy) === principal.organizationId)
    );
  if (isStaff(principal, "BILLING")) return true;
  if (!isPartner(principal, "INSURER")) return false;
  const policy = await em.findOne(Policy, { id: refId(claim.policy)! }, { filters: false });
  return refId(policy?.insurer) === principal.organizationId;
}

/** Clock skew tolerated on a receivedAt sent by a client. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * recordPayment: the patient's co-pay or the insurer's remittance (once the claim is
 * approved), by the principals mayRecord names. The claim row is
 * locked so two payments at once add up instead of failing on the version.
 */
export async function recordPayment(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  input: RecordPaymentInput,
  now = new Date(),
): Promise<Payment> {
  const claim = await em.findOne(Claim, { id: input.claimId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!claim) throw new NotFoundError("Claim", ["claimId"]);

  const insurer = input.payer === PaymentPayer.INSURER;
  if (!(await mayRecord(em, principal, claim, input.payer))) {
    throw new DomainError(
      ClaimErrorCode.NOT_PERMITTED,
      insurer
        ? "Only billing or the policy's insurer records insurer payments."
        : "Only billing, operators or the registering organisation record the patient's payments.",
      ["payer"],
    );
  }
  if (input.currency !== claim.currency) {
    throw new DomainError(
      PaymentErrorCode.CURRENCY_MISMATCH,
      `The claim is in ${claim.currency}, not ${input.currency}.`,
      ["currency"],
    );
  }
  const amount = parseMoney(input.amount, claim.currency, ["amount"]);
  if (!amount.greaterThan(0))
    throw new DomainError(ClaimEngineErrorCode.INVALID_AMOUNT, "The amount must be greater than zero.", ["amount"]);

  if (insurer && !APPROVED_STATES.includes(claim.status)) {
    throw new DomainError(
      PaymentErrorCode.CLAIM_NOT_APPROVED,
      "Insurer payments are recorded once the claim is APPROVED.",
      ["claimId"],
    );
  }
  if (!insurer && (claim.status === ClaimStatus.CANCELLED || claim.status === ClaimStatus.DENIED)) {
    throw new DomainError(PaymentErrorCode.CLAIM_CLOSED, `No payments on a ${claim.status} claim.`, ["claimId"]);
  }
  const outstanding = insurer ? claim.outstandingInsurer : claim.outstandingPatient;
  if (compareMoney(amount.toFixed(), outstanding) > 0) {
    throw new DomainError(
      PaymentErrorCode.PAYMENT_EXCEEDS_OUTSTANDING,
      `Only ${money(outstanding, claim.currency)} ${claim.currency} is outstanding for the ${insurer ? "insurer" : "patient"}.`,
      ["amount"],
    );
  }
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError(PaymentErrorCode.RECEIVED_IN_FUTURE, "receivedAt is in the future.", ["receivedAt"]);
  }
  const reference = input.reference?.trim() || null;
  if (reference && reference.length > 200)
    throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "reference: is at most 200 characters", ["reference"]);

  const formatted = formatMoney(amount, claim.currency);
  const actor = actorOf(principal);
  const payment = em.create(Payment, {
    claim,
    organization: claim.registeredBy,
    payer: input.payer,
    amount: formatted,
    currency: claim.currency,
    method: input.method,
    reference,
    receivedAt,
    recordedByKind: actor.actorKind,
    recordedById: actor.actorId,
  });
  if (insurer) claim.paidInsurer = money(amount.plus(claim.paidInsurer).toFixed(), claim.currency);
  else claim.paidPatient = money(amount.plus(claim.paidPatient).toFixed(), claim.currency);
  refreshOutstanding(claim);
  recordAudit(em, principal, requestId, {
    action: "claim.recordPayment",
    entityType: "Claim",
    entityId: claim.id,
    changes: { paymentId: payment.id, payer: input.payer, amount: formatted, method: input.method },
  });
  await em.flush();
  return payment;
}
