import type { EntityManager } from "@mikro-orm/postgresql";
import { DateTime } from "luxon";
import type { Principal } from "../platform/auth/principal.js";
import { Case, CaseKind } from "../modules/case/case.entity.js";
import type { Claim } from "../modules/claim/claim.entity.js";
import { ClaimEvent, ClaimKind, ClaimStatus, PaymentMethod, PaymentPayer } from "../modules/claim/claim.enums.js";
import { ClaimService, createClaim } from "../modules/claim/claim.service.js";
import { recordPayment } from "../modules/payment/payment.service.js";
import { compareMoney, money } from "../modules/claim/engine/index.js";
import { nextNumber } from "../modules/numbering/document-counter.js";
import { Liability, PolicyMember, PolicyStatus } from "../modules/policy/policy.entity.js";
import type { SeedContext } from "./context.js";

/** What seedClaims needs from earlier steps: the SeedContext without its EntityManager. */
export type ClaimSeedRefs = Omit<SeedContext, "em">;

const DENTAL_LINES = [
  [
    { system: "CDT", code: "D0150", quantity: 1 },
    { system: "CDT", code: "D0210", quantity: 1 },
  ],
  [{ system: "CDT", code: "D1110", quantity: 1, discount: "5000" }],
  [
    { system: "CDT", code: "D0120", quantity: 1 },
    { system: "CDT", code: "D2140", quantity: 2, modifiers: [{ code: "AH" }] },
  ],
  [
    { system: "CDT", code: "D7140", quantity: 1 },
    { system: "CDT", code: "D0220", quantity: 2 },
  ],
];

/** Where each demo claim ends up, 60 in all, so every tray and report has rows. */
const TARGETS: [ClaimStatus, number][] = [
  [ClaimStatus.DRAFT, 10],
  [ClaimStatus.SUBMITTED, 7],
  [ClaimStatus.IN_REVIEW, 7],
  [ClaimStatus.RETURNED, 8],
  [ClaimStatus.APPROVED, 10],
  [ClaimStatus.SETTLED, 12],
  [ClaimStatus.DENIED, 3],
  [ClaimStatus.CANCELLED, 3],
];

const PATHS: Record<ClaimStatus, ClaimEvent[]> = {
  DRAFT: [],
  SUBMITTED: [ClaimEvent.SUBMIT],
  IN_REVIEW: [ClaimEvent.SUBMIT, ClaimEvent.START_REVIEW],
  RETURNED: [ClaimEvent.SUBMIT, ClaimEvent.START_REVIEW, ClaimEvent.RETURN],
  APPROVED: [ClaimEvent.SUBMIT, ClaimEvent.START_REVIEW, ClaimEvent.APPROVE],
  SETTLED: [ClaimEvent.SUBMIT, ClaimEvent.START_REVIEW, ClaimEvent.APPROVE, ClaimEvent.SETTLE],
  DENIED: [ClaimEvent.SUBMIT, ClaimEvent.START_REVIEW, ClaimEvent.DENY],
  CANCELLED: [ClaimEvent.CANCEL],
};

/**
 * ~60 outpatient dental claims of the two agencies over the two months before `today`,
 * in every state, with co-pays and insurer remittances, all through the same services
 * and state machine as the API (so totals, history and deadlines are real).
 */
export async function seedClaims(em: EntityManager, refs: ClaimSeedRefs): Promise<Claim[]> {
  const agencies = [refs.organizations.agency2!, refs.organizations.agency1!];
  const provider = refs.organizations.clinic1!;
  const operator = refs.organizations.operator!;
  const admin = Object.values(refs.users).find((u) => u.roles.includes("ADMIN"))!;
  const staff: Principal = {
    kind: "STAFF",
    userId: admin.id,
    organizationId: operator.id,
    roles: ["ADMIN"],
    email: admin.email,
  };
  const policies = refs.policies.filter((p) => p.status === PolicyStatus.ACTIVE && p.currency === "CLP");
  const today = DateTime.fromISO(refs.today, { zone: "America/Santiago" }).set({ hour: 10 });
  const plan = TARGETS.flatMap(([status, n]) => Array.from({ length: n }, () => status));
  const claims: Claim[] = [];

  for (const [i, target] of plan.entries()) {
    const policy = policies[i % policies.length]!;
    const member = await em.findOneOrFail(PolicyMember, { policy }, { populate: ["patient"], orderBy: { id: "ASC" } });
    const liability = await em.findOneOrFail(Liability, { policy, code: i % 4 === 3 ? "OUTP" : "DENT" });
    const registeredAt = today.minus({ days: 55 - (i % 50) });
    const incidentDate = registeredAt.minus({ days: 2 }).toISODate()!;
    const agency = agencies[i % 3 === 2 ? 1 : 0]!;
    const kase = em.create(Case, {
      number: await nextNumber(em, "CASE", registeredAt.year),
      patient: member.patient,
      kind: CaseKind.OUTPATIENT,
      incidentDate,
      registeredBy: agency,
      scanKey: `${member.patient.customerNumber}${incidentDate.replaceAll("-", "")}`,
    });
    const claim = await createClaim(
      em,
      staff,
      null,
      {
        kase,
        policy,
        liability,
        kind: ClaimKind.OUTPATIENT,
        registeredBy: agency,
        provider,
        lines: DENTAL_LINES[i % DENTAL_LINES.length]!,
      },
      registeredAt.toJSDate(),
    );
    await em.flush();
    await driveTo(em, staff, claim, target, registeredAt, today);
    claims.push(claim);
  }
  return claims;
}

async function driveTo(
  em: EntityManager,
  staff: Principal,
  claim: Claim,
  target: ClaimStatus,
  registeredAt: DateTime,
  today: DateTime,
): Promise<void> {
  const service = new ClaimService(em, staff, null);
  // Two days apart, or closer when the path is longer than the days since registration:
  // no step lands after the seed's today (a settlement dated in the future).
  const path = PATHS[target];
  const gapHours = Math.min(48, Math.floor(today.diff(registeredAt, "hours").hours / (path.length + 1)));
  let at = registeredAt;
  for (const event of path) {
    at = at.plus({ hours: gapHours });
    if (event === ClaimEvent.SETTLE) {
      await pay(em, staff, claim, PaymentPayer.INSURER, claim.approvedPayable!, PaymentMethod.TRANSFER, at);
    }
    await service.transition(
      {
        id: claim.id,
        event,
        expectedVersion: claim.version,
        reason: event === ClaimEvent.DENY ? "Treatment not covered by the liability." : null,
        reference: event === ClaimEvent.SETTLE ? `REM-${claim.number}` : null,
        returnReasons:
          event === ClaimEvent.RETURN ? [{ code: "MISSING_INVOICE", text: "Attach the itemised invoice." }] : null,
      },
      at.toJSDate(),
    );
    if (event === ClaimEvent.APPROVE && compareMoney(claim.approvedPatientShare ?? "0", "0") > 0) {
      await pay(
        em,
        staff,
        claim,
        PaymentPayer.PATIENT,
        claim.approvedPatientShare!,
        PaymentMethod.CARD,
        at.plus({ hours: 1 }),
      );
    }
  }
}

async function pay(
  em: EntityManager,
  staff: Principal,
  claim: Claim,
  payer: PaymentPayer,
  amount: string,
  method: PaymentMethod,
  at: DateTime,
) {
  const value = money(amount, claim.currency);
  if (compareMoney(value, "0") <= 0) return;
  await recordPayment(
    em,
    staff,
    null,
    {
      claimId: claim.id,
      payer,
      amount: value,
      currency: claim.currency,
      method,
      reference: `R-${claim.number}-${payer}`,
      receivedAt: at.toJSDate(),
    },
    at.plus({ minutes: 1 }).toJSDate(),
  );
}

/** The step form, for seedSteps in seed/index.ts. */
export const seedClaimsStep = async (ctx: SeedContext): Promise<void> => {
  await seedClaims(ctx.em, ctx);
};
