import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { historyLoader } from "../../platform/audit/history.loader.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import type { AppContext } from "../../platform/graphql/context.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import { ClaimLine } from "./claim-line.entity.js";
import { Claim } from "./claim.entity.js";
import { ClaimEvent, OPEN_FOR_EDIT } from "./claim.enums.js";
import { claimMachine } from "./claim.machine.js";
import { money, moneyOrNull } from "./engine/index.js";
import { ClaimApprovedTotals, ClaimDeliveryWindow, ClaimReturnReasonType, ClaimSplit } from "./claim.types.js";
import { Payment } from "../payment/payment.entity.js";
import { MoneyScalar } from "./engine/money.graphql.js";

/*
 * The computed fields as functions of the plain row, shared by the resolvers below and the
 * compiled read path (claim.read.ts), so each is defined once.
 */
type Row<K extends keyof Claim> = Pick<Claim, K>;

export function approvedTotalsOf(
  c: Row<
    | "currency"
    | "approvedGross"
    | "approvedDeductibleApplied"
    | "approvedCovered"
    | "approvedPatientShare"
    | "approvedPayable"
  >,
): ClaimApprovedTotals | null {
  if (c.approvedGross == null) return null;
  const cur = c.currency;
  return {
    gross: money(c.approvedGross, cur),
    deductibleApplied: money(c.approvedDeductibleApplied, cur),
    covered: money(c.approvedCovered, cur),
    patientShare: money(c.approvedPatientShare, cur),
    payable: money(c.approvedPayable, cur),
    currency: cur,
  };
}

export function paidOf(c: Row<"currency" | "paidPatient" | "paidInsurer">): ClaimSplit {
  return { patient: money(c.paidPatient, c.currency), insurer: money(c.paidInsurer, c.currency), currency: c.currency };
}

export function outstandingOf(c: Row<"currency" | "outstandingPatient" | "outstandingInsurer">): ClaimSplit {
  return {
    patient: money(c.outstandingPatient, c.currency),
    insurer: money(c.outstandingInsurer, c.currency),
    currency: c.currency,
  };
}

/** Still DRAFT or RETURNED past deliveryDueAt (the rule the expiration worker flags). */
export function isClaimOverdue(c: Row<"status" | "deliveryDueAt">, now: Date): boolean {
  return OPEN_FOR_EDIT.includes(c.status) && c.deliveryDueAt.getTime() < now.getTime();
}

export function deliveryWindowsOf(c: Row<"deliveryWindows">): ClaimDeliveryWindow[] {
  return c.deliveryWindows.map((w) => {
    const dueAt = new Date(w.dueAt);
    const deliveredAt = w.deliveredAt ? new Date(w.deliveredAt) : null;
    return {
      opensBy: w.opensBy,
      opensAt: new Date(w.opensAt),
      dueAt,
      deliveredAt,
      onTime: deliveredAt ? deliveredAt.getTime() <= dueAt.getTime() : null,
    };
  });
}

@Resolver(() => Claim)
export class ClaimFieldsResolver {
  @FieldResolver(() => MoneyScalar, {
    description: "Σ allowed line amounts (after discounts, modifiers and reviewer adjustments).",
  })
  gross(@Root() c: Claim): string {
    return money(c.gross, c.currency);
  }
  @FieldResolver(() => MoneyScalar, { description: "Σ line discounts (already taken off gross)." })
  discountTotal(@Root() c: Claim): string {
    return money(c.discountTotal, c.currency);
  }
  @FieldResolver(() => MoneyScalar, {
    description: "Deductible taken from what remains of the policy year's deductible.",
  })
  deductibleApplied(@Root() c: Claim): string {
    return money(c.deductibleApplied, c.currency);
  }
  @FieldResolver(() => MoneyScalar, {
    description: "The insurer's share: (gross − deductible) × coverage rate, capped by limits.",
  })
  covered(@Root() c: Claim): string {
    return money(c.covered, c.currency);
  }
  @FieldResolver(() => MoneyScalar, { description: "The patient's share (co-pay): gross − covered." })
  patientShare(@Root() c: Claim): string {
    return money(c.patientShare, c.currency);
  }
  @FieldResolver(() => MoneyScalar, { description: "What the insurer pays (its covered share)." })
  payable(@Root() c: Claim): string {
    return money(c.payable, c.currency);
  }
  @FieldResolver(() => ClaimApprovedTotals, { nullable: true, description: "Totals frozen at APPROVE; null before." })
  approvedTotals(@Root() c: Claim): ClaimApprovedTotals | null {
    return approvedTotalsOf(c);
  }
  @FieldResolver(() => ClaimSplit, { description: "What has been paid, by the patient and by the insurer." })
  paid(@Root() c: Claim): ClaimSplit {
    return paidOf(c);
  }
  @FieldResolver(() => ClaimSplit, {
    description: "What is still owed by each side (approved amounts once approved); negative = to refund.",
  })
  outstanding(@Root() c: Claim): ClaimSplit {
    return outstandingOf(c);
  }
  @FieldResolver(() => Boolean, { description: "Still DRAFT or RETURNED past deliveryDueAt." })
  overdue(@Root() c: Claim): boolean {
    return isClaimOverdue(c, new Date());
  }
  @FieldResolver(() => [ClaimDeliveryWindow], {
    description:
      "Every delivery window, oldest first: registration's, then one per RETURN; the last is open until SUBMIT.",
  })
  deliveryWindows(@Root() c: Claim): ClaimDeliveryWindow[] {
    return deliveryWindowsOf(c);
  }
  @FieldResolver(() => [ClaimReturnReasonType], { description: "Reasons of the latest RETURN." })
  returnReasons(@Root() c: Claim): ClaimReturnReasonType[] {
    return c.returnReasons;
  }
  @FieldResolver(() => ID, { description: "Case id." })
  caseId(@Root() c: Claim): string {
    return refId(c.case)!;
  }
  @FieldResolver(() => Case, { nullable: true, description: "The case." })
  case(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Case).load(refId(c.case)!);
  }
  @FieldResolver(() => ID, { description: "Policy id." })
  policyId(@Root() c: Claim): string {
    return refId(c.policy)!;
  }
  @FieldResolver(() => Policy, {
    nullable: true,
    description: "The policy (null when reference data is hidden from you).",
  })
  policy(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Policy).load(refId(c.policy)!);
  }
  @FieldResolver(() => ID, { description: "Liability id." })
  liabilityId(@Root() c: Claim): string {
    return refId(c.liability)!;
  }
  @FieldResolver(() => Liability, { nullable: true, description: "The liability the claim is paid under." })
  liability(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Liability).load(refId(c.liability)!);
  }
  @FieldResolver(() => ID, { description: "Registering organisation id." })
  registeredById(@Root() c: Claim): string {
    return refId(c.registeredBy)!;
  }
  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The registering organisation (agency, hospital or operator).",
  })
  registeredBy(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Organization).load(refId(c.registeredBy)!);
  }
  @FieldResolver(() => ID, { nullable: true, description: "Provider id." })
  providerId(@Root() c: Claim): string | null {
    return refId(c.provider);
  }
  @FieldResolver(() => Organization, { nullable: true, description: "The provider who gave the care." })
  provider(@Root() c: Claim, @Ctx() ctx: AppContext) {
    const id = refId(c.provider);
    return id ? ctx.loaders.byId(Organization).load(id) : null;
  }
  @FieldResolver(() => [ClaimLine], { description: "Lines in order." })
  lines(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(ClaimLine, "claim", { position: "ASC" }).load(c.id);
  }
  @FieldResolver(() => Boolean, {
    description:
      "Some line is priced above the fee schedule (each with its priceOverrideReason): the reviewer checks it before approving.",
  })
  async priceAboveSchedule(@Root() c: Claim, @Ctx() ctx: AppContext): Promise<boolean> {
    const lines = await ctx.loaders.children(ClaimLine, "claim", { position: "ASC" }).load(c.id);
    return lines.some((l) => l.priceAboveSchedule);
  }
  @FieldResolver(() => [Payment], { description: "Payments received, oldest first." })
  payments(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(Payment, "claim", { receivedAt: "ASC" }).load(c.id);
  }
  @FieldResolver(() => [ClaimEvent], { description: "Events you may fire now." })
  availableTransitions(@Root() c: Claim, @Ctx() ctx: AppContext): ClaimEvent[] {
    return availableEvents(claimMachine, c, ctx.principal);
  }
  @FieldResolver(() => [StatusChange], { description: "Every state the claim went through, oldest first." })
  history(@Root() c: Claim, @Ctx() ctx: AppContext) {
    return historyLoader(ctx.loaders, ctx.em, "Claim").load(c.id);
  }
}

@Resolver(() => ClaimLine)
export class ClaimLineFieldsResolver {
  @FieldResolver(() => ID, { description: "Claim id." })
  claimId(@Root() l: ClaimLine): string {
    return refId(l.claim)!;
  }
  @FieldResolver(() => MoneyScalar, { description: "Unit price." })
  unitPrice(@Root() l: ClaimLine): string {
    return money(l.unitPrice, l.currency);
  }
  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "The fee schedule's unit price when the line was set; null when the fee is in another currency.",
  })
  scheduleUnitPrice(@Root() l: ClaimLine): string | null {
    return moneyOrNull(l.scheduleUnitPrice, l.currency);
  }
  @FieldResolver(() => MoneyScalar, { description: "Absolute discount." })
  discount(@Root() l: ClaimLine): string {
    return money(l.discount, l.currency);
  }
  @FieldResolver(() => MoneyScalar, { description: "quantity × unitPrice − discount, times the modifier factors." })
  amount(@Root() l: ClaimLine): string {
    return money(l.amount, l.currency);
  }
  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description: "The reviewer's lowered amount; null = amount allowed.",
  })
  approvedAmount(@Root() l: ClaimLine): string | null {
    return moneyOrNull(l.approvedAmount, l.currency);
  }
}
