import { historyLoader } from "../../platform/audit/history.loader.js";
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Principal } from "../../platform/auth/principal.js";
import type { ReadAudit } from "../../platform/audit/read-audit.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { fieldCipher, maskTail } from "../../platform/crypto/field-encryption.js";
import { readsInFull } from "../../platform/auth/sensitive-fields.js";
import type { AppContext } from "../../platform/graphql/context.js";
import { refId } from "../../platform/graphql/loaders.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { Case } from "../case/case.entity.js";
import { Order } from "../order/order.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy } from "../policy/policy.entity.js";
import { User } from "../user/user.entity.js";
import { actorNameFor } from "../audit/status-change.fields.js";
import { VisitEntry } from "./visit-entry.entity.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
import { VisitEvent } from "./visit.enums.js";
import { visitMachine } from "./visit.machine.js";

/**
 * Who reads the payout account in clear: billing, who pays it out (and ADMIN), by the one
 * rule of platform/auth/sensitive-fields.ts. Everyone else, the visitor who entered it
 * included, reads it masked as operators do; a visitor who needs to correct it enters the
 * whole number again.
 */
export function seesBankAccount(principal: Principal): boolean {
  return readsInFull("Visit.bankAccount", principal, null);
}

/**
 * The payout account as this reader is told it: in clear (and the read audited) or masked.
 * One rule for the resolver below and the compiled read path (visit.read.ts).
 */
export function bankAccountAs(
  visit: { id: string; bankAccountEnc?: string | null },
  principal: Principal,
  readAudit: Pick<ReadAudit, "record">,
): string | null {
  if (!visit.bankAccountEnc) return null;
  const plain = fieldCipher().decrypt(visit.bankAccountEnc);
  if (!seesBankAccount(principal)) return maskTail(plain);
  // Written with the request's other read audits in one insert before the response leaves.
  readAudit.record({ action: "visit.read.bankAccount", entityType: "Visit", entityId: visit.id });
  return plain;
}

@Resolver(() => Visit)
export class VisitFieldsResolver {
  @FieldResolver(() => ID, { nullable: true, description: "Id of the case (null for an appointment without one)." })
  caseId(@Root() v: Visit): string | null {
    return refId(v.case);
  }

  @FieldResolver(() => Case, { nullable: true, description: "The case the visit belongs to." })
  case(@Root() v: Visit, @Ctx() ctx: AppContext) {
    const id = refId(v.case);
    return id ? ctx.loaders.byId(Case).load(id) : null;
  }

  @FieldResolver(() => ID, { description: "Id of the patient." })
  patientId(@Root() v: Visit): string {
    return refId(v.patient)!;
  }

  @FieldResolver(() => Patient, { nullable: true, description: "The patient visited or seen." })
  patient(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Patient).load(refId(v.patient)!);
  }

  @FieldResolver(() => ID, {
    description: "Id of the site: the hospital of a field visit, the provider of an appointment.",
  })
  siteId(@Root() v: Visit): string {
    return refId(v.site)!;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The hospital of a field visit or the provider of an appointment.",
  })
  site(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Organization).load(refId(v.site)!);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the assigned visitor." })
  assigneeId(@Root() v: Visit): string | null {
    return refId(v.assignee);
  }

  @FieldResolver(() => User, { nullable: true, description: "The assigned visitor (staff only)." })
  assignee(@Root() v: Visit, @Ctx() ctx: AppContext) {
    const id = refId(v.assignee);
    return id ? ctx.loaders.byId(User).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the attention order an appointment serves." })
  orderId(@Root() v: Visit): string | null {
    return v.orderId ?? null;
  }

  @FieldResolver(() => Order, { nullable: true, description: "The attention order an appointment serves." })
  order(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return v.orderId ? ctx.loaders.byId(Order).load(v.orderId) : null;
  }

  @FieldResolver(() => [VisitLiabilityLink], { description: "Liability links (分案): one future claim each." })
  liabilityLinks(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(VisitLiabilityLink, "visit", { createdAt: "ASC", id: "ASC" }).load(v.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Payout bank account: in clear for BILLING and ADMIN staff (audited), else masked •••• 1234.",
  })
  bankAccount(@Root() v: Visit, @Ctx() ctx: AppContext): string | null {
    return bankAccountAs(v, ctx.principal, ctx.readAudit);
  }

  @FieldResolver(() => [VisitEvent], { description: "Events the current principal may fire now." })
  availableTransitions(@Root() v: Visit, @Ctx() ctx: AppContext): VisitEvent[] {
    return availableEvents(visitMachine, v, ctx.principal);
  }

  @FieldResolver(() => [VisitEntry], {
    description: "Every findings save (探访录入) with who made it and what changed, oldest first.",
  })
  entries(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(VisitEntry, "visit", { createdAt: "ASC", id: "ASC" }).load(v.id);
  }

  @FieldResolver(() => [StatusChange], { description: "Every transition of this visit, oldest first." })
  history(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return historyLoader(ctx.loaders, ctx.em, "Visit").load(v.id);
  }
}

@Resolver(() => VisitLiabilityLink)
export class VisitLiabilityLinkFieldsResolver {
  @FieldResolver(() => ID, { description: "Id of the policy." })
  policyId(@Root() l: VisitLiabilityLink): string {
    return refId(l.policy)!;
  }

  @FieldResolver(() => Policy, { nullable: true, description: "The policy (个险 or 团险)." })
  policy(@Root() l: VisitLiabilityLink, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Policy).load(refId(l.policy)!);
  }

  @FieldResolver(() => ID, { description: "Id of the liability." })
  liabilityId(@Root() l: VisitLiabilityLink): string {
    return refId(l.liability)!;
  }

  @FieldResolver(() => Liability, { nullable: true, description: "The liability (理赔责任)." })
  liability(@Root() l: VisitLiabilityLink, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Liability).load(refId(l.liability)!);
  }

  @FieldResolver(() => ID, { description: "Id of the visit." })
  visitId(@Root() l: VisitLiabilityLink): string {
    return refId(l.visit)!;
  }
}

@Resolver(() => VisitEntry)
export class VisitEntryFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Who saved, by name, under the same rule as StatusChange.actorName.",
  })
  actorName(@Root() entry: VisitEntry, @Ctx() ctx: AppContext): Promise<string | null> {
    return actorNameFor(entry, ctx);
  }
}
