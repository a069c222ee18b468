import type { EntityManager } from "@mikro-orm/postgresql";
import type { PartnerKind, Principal } from "../platform/auth/principal.js";
import { refId } from "../platform/graphql/loaders.js";
import { fireTransition } from "../platform/state-machine/engine.js";
import { ApiKey } from "../modules/api-key/api-key.entity.js";
import { CaseKind, type Case } from "../modules/case/case.entity.js";
import { CaseService } from "../modules/case/case.service.js";
import { Order } from "../modules/order/order.entity.js";
import type { Organization } from "../modules/organization/organization.entity.js";
import type { Patient } from "../modules/patient/patient.entity.js";
import { Liability, PolicyMember } from "../modules/policy/policy.entity.js";
import type { User } from "../modules/user/user.entity.js";
import { luhnValid } from "../modules/visit/bank-account.js";
import { scheduleAppointment } from "../modules/visit/visit-creation.js";
import { Visit } from "../modules/visit/visit.entity.js";
import {
  BankAccountScheme,
  LiabilityLinksMode,
  VisitConclusion,
  VisitEvent,
  VisitKind,
} from "../modules/visit/visit.enums.js";
import { visitMachine } from "../modules/visit/visit.machine.js";
import { VisitService } from "../modules/visit/visit.service.js";
import type { SeedContext } from "./context.js";

/** What seedVisits needs from earlier steps: the SeedContext without its EntityManager. */
export type VisitSeedRefs = Omit<SeedContext, "em">;

type FieldTarget =
  "PENDING" | "SCHEDULED" | "IN_PROGRESS" | "IN_REVIEW" | "RETURNED" | "APPROVED" | "NO_LIABILITY" | "CANCELLED";
/** 30 field visits, so every tray of the 探访 screens has rows. */
const FIELD_TARGETS: [FieldTarget, number][] = [
  ["PENDING", 5],
  ["SCHEDULED", 5],
  ["IN_PROGRESS", 4],
  ["IN_REVIEW", 4],
  ["RETURNED", 3],
  ["APPROVED", 4],
  ["NO_LIABILITY", 2],
  ["CANCELLED", 3],
];

type AppointmentTarget = "DUE_NOW" | "DUE_TOMORROW" | "LATER" | "RESCHEDULED" | "ATTENDED" | "NO_SHOW" | "CANCELLED";
/** 40 appointments: some whose 24-hour reminder is already due, some due tomorrow, some past. */
const APPOINTMENT_TARGETS: [AppointmentTarget, number][] = [
  ["DUE_NOW", 4],
  ["DUE_TOMORROW", 8],
  ["LATER", 10],
  ["RESCHEDULED", 4],
  ["ATTENDED", 8],
  ["NO_SHOW", 3],
  ["CANCELLED", 3],
];

const HOUR = 3600_000;
const APPOINTMENT_PROVIDERS = ["clinic1", "clinic2", "clinic3", "lab1", "lab3"];

const expand = <T>(targets: [T, number][]): T[] => targets.flatMap(([t, n]) => Array.from({ length: n }, () => t));

/**
 * The demo's visits, driven through the same services and state machine as the API:
 * inpatient cases registered by the hospitals open field visits (就诊登记 → 新探访任务),
 * the operator assigns them with SMS, visitors enter findings and liability links, the
 * reviewer returns or approves (approval opens the DRAFT claims); clinics and labs book,
 * move, attend and miss appointments. Appointment times are relative to `now` (the real
 * clock by default) so the reminder worker has work right after seeding.
 */
export async function seedVisits(em: EntityManager, refs: VisitSeedRefs, now = new Date()): Promise<Visit[]> {
  const staff = (key: string): Principal => {
    const u = refs.users[key]!;
    return { kind: "STAFF", userId: u.id, organizationId: refId(u.organization)!, roles: u.roles, email: u.email };
  };
  const actors = { operator: staff("operator"), reviewer: staff("reviewer") };
  const field = await seedFieldVisits(em, refs, actors, now);
  const appointments = await seedAppointments(em, refs, actors.operator, now);
  return [...field, ...appointments];
}

async function seedFieldVisits(
  em: EntityManager,
  refs: VisitSeedRefs,
  actors: { operator: Principal; reviewer: Principal },
  now: Date,
): Promise<Visit[]> {
  const plan = expand(FIELD_TARGETS);
  const hospitals = [refs.organizations.hospital1!, refs.organizations.hospital2!];
  const visitors = [refs.users.visitor1!, refs.users.visitor2!];
  const out: Visit[] = [];
  for (const [i, target] of plan.entries()) {
    const hospital = hospitals[i % 3 === 2 ? 1 : 0]!;
    const kase = await registerInpatientCase(em, refs, hospital, i, now);
    const visit = await em.findOneOrFail(Visit, { case: kase.id, kind: VisitKind.FIELD_VISIT });
    out.push(visit);
    if (target === "PENDING") continue;
    if (target === "CANCELLED" && i % 2 === 0) {
      await new VisitService(em, actors.operator, null).transition({
        id: visit.id,
        event: VisitEvent.CANCEL,
        reason: "病人已出院，无需探访",
        expectedVersion: visit.version,
      });
      continue;
    }
    // visitor2 covers both hospitals, visitor1 only the Chilean one.
    const visitor = hospital === hospitals[1] ? visitors[1]! : visitors[i % 2]!;
    const ops = new VisitService(em, actors.operator, null);
    const scheduledAt = new Date(now.getTime() + ((i % 5) - 2) * 24 * HOUR);
    await ops.assign(visit.id, await ops.visitor(visitor.id), {
      visitIds: [visit.id],
      visitorId: visitor.id,
      notifySms: true,
      scheduledAt,
    });
    await em.flush();
    if (target === "SCHEDULED") continue;
    if (target === "CANCELLED") {
      await ops.transition({
        id: visit.id,
        event: VisitEvent.CANCEL,
        reason: "Caso anulado por la aseguradora",
        expectedVersion: visit.version,
      });
      continue;
    }
    const asVisitor = new VisitService(em, visitorPrincipal(visitor), null);
    const entry = await entryFor(em, visit.patient as Patient, hospital, i, target !== "NO_LIABILITY");
    await asVisitor.saveFindings({ id: visit.id, expectedVersion: visit.version, ...entry.save });
    if (target === "IN_PROGRESS") continue;
    await asVisitor.conclude({ id: visit.id, expectedVersion: visit.version, conclusion: entry.conclusion });
    if (target === "IN_REVIEW") continue;
    const review = new VisitService(em, actors.reviewer, null);
    if (target === "RETURNED" || (target === "APPROVED" && i % 2 === 0)) {
      await review.transition({
        id: visit.id,
        event: VisitEvent.RETURN,
        reason: "请补充住院证明及费用清单",
        expectedVersion: visit.version,
      });
      if (target === "RETURNED") continue;
      await asVisitor.conclude({
        id: visit.id,
        expectedVersion: visit.version,
        conclusion: entry.conclusion,
        findings: { investigationResult: "已补充住院证明。" },
      });
    }
    await review.transition({ id: visit.id, event: VisitEvent.APPROVE, expectedVersion: visit.version });
  }
  return out;
}

async function registerInpatientCase(
  em: EntityManager,
  refs: VisitSeedRefs,
  hospital: Organization,
  i: number,
  now: Date,
): Promise<Case> {
  const patients = refs.patients.filter(
    (p) => /^\d{8}$/.test(p.customerNumber) && (hospital.country === "CN") === (p.language === "zh"),
  );
  const pool = patients.length > 0 ? patients : refs.patients;
  const registeredAt = new Date(now.getTime() - (30 - i) * 24 * HOUR);
  return new CaseService(em, await partnerPrincipal(em, hospital), null).register(
    {
      patientId: pool[(i * 7) % pool.length]!.id,
      kind: CaseKind.INPATIENT,
      incidentDate: new Date(registeredAt.getTime() - 2 * 24 * HOUR).toISOString().slice(0, 10),
      description: hospital.country === "CN" ? "急诊入院，待探访。" : "Ingreso por urgencia, pendiente de visita.",
    },
    registeredAt,
  );
}

/** Findings, the patient's first liability and a payout account in the hospital country's format. */
async function entryFor(
  em: EntityManager,
  patient: Patient,
  hospital: Organization,
  i: number,
  withLiability: boolean,
) {
  const cn = hospital.country === "CN";
  const member = withLiability
    ? await em.findOne(PolicyMember, { patient: refId(patient)! }, { orderBy: { createdAt: "ASC" } })
    : null;
  const liability = member
    ? await em.findOne(Liability, { policy: refId(member.policy)! }, { orderBy: { code: "ASC" } })
    : null;
  const links = member && liability ? [{ policyId: refId(member.policy)!, liabilityId: liability.id }] : [];
  return {
    conclusion: links.length > 0 ? VisitConclusion.COMPLETED : VisitConclusion.NO_LIABILITY,
    save: {
      findings: {
        admissionDate: new Date(Date.now() - (3 + (i % 9)) * 24 * HOUR).toISOString().slice(0, 10),
        ward: cn ? `${(i % 6) + 1}病区` : `Sala ${(i % 6) + 1}`,
        bed: String(10 + i),
        diagnosisCodes: [["S72.0", "J18.9"], ["K35.8"], ["I21.4", "E11.9"]][i % 3]!,
        investigationResult: cn ? "住院情况属实，与报案一致。" : "Hospitalización verificada en ficha clínica.",
      },
      ...(links.length > 0
        ? {
            liabilityLinks: { mode: LiabilityLinksMode.REPLACE, links },
            bankAccount: cn
              ? {
                  scheme: BankAccountScheme.CN_CARD,
                  number: withLuhnDigit(`62220202${String(10_000_000 + i).padStart(10, "0")}`),
                }
              : { scheme: BankAccountScheme.CL_ACCOUNT, number: String(70_000_000 + i * 137) },
          }
        : {}),
    },
  };
}

function withLuhnDigit(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error("unreachable: one digit always completes a Luhn number");
}

async function seedAppointments(
  em: EntityManager,
  refs: VisitSeedRefs,
  operator: Principal,
  now: Date,
): Promise<Visit[]> {
  const plan = expand(APPOINTMENT_TARGETS);
  const out: Visit[] = [];
  for (const [i, target] of plan.entries()) {
    const provider = refs.organizations[APPOINTMENT_PROVIDERS[i % APPOINTMENT_PROVIDERS.length]!]!;
    const providerPrincipal = await partnerPrincipal(em, provider);
    const when = appointmentTime(target, i, now);
    // Past appointments were booked three days before they took place.
    const bookedAt = when.getTime() > now.getTime() ? now : new Date(when.getTime() - 3 * 24 * HOUR);
    const order =
      i % 4 === 0
        ? await em.findOne(Order, { provider }, { orderBy: { createdAt: "ASC" }, offset: i, populate: ["case"] })
        : null;
    const patient = order ? (order.case.patient as Patient) : pickPatient(refs, provider, i);
    const visit = await scheduleAppointment(
      em,
      operator,
      null,
      { patientId: refId(patient)!, providerId: provider.id, scheduledAt: when, orderId: order?.id ?? null },
      bookedAt,
    );
    out.push(visit);
    const fire = async (event: VisitEvent, by: Principal, extra: { reason?: string; scheduledAt?: Date } = {}) => {
      await fireTransition(em, visitMachine, visit, {
        event,
        principal: by,
        expectedVersion: visit.version,
        input: { reason: extra.reason ?? null, data: extra.scheduledAt ? { scheduledAt: extra.scheduledAt } : {} },
      });
      await em.flush();
    };
    if (target === "RESCHEDULED")
      await fire(VisitEvent.RESCHEDULE, providerPrincipal, { scheduledAt: new Date(when.getTime() + 2 * 24 * HOUR) });
    if (target === "ATTENDED") await fire(VisitEvent.ATTEND, providerPrincipal);
    if (target === "NO_SHOW") await fire(VisitEvent.NO_SHOW, providerPrincipal);
    if (target === "CANCELLED")
      await fire(VisitEvent.CANCEL, operator, { reason: "El paciente pidió anular la hora." });
    if (target === "ATTENDED" || target === "NO_SHOW")
      await em.nativeUpdate(Visit, { id: visit.id }, { remindedAt: new Date(when.getTime() - 24 * HOUR) });
  }
  return out;
}

function appointmentTime(target: AppointmentTarget, i: number, now: Date): Date {
  const at = (hours: number) => new Date(Math.ceil((now.getTime() + hours * HOUR) / (15 * 60_000)) * 15 * 60_000);
  switch (target) {
    case "DUE_NOW":
      return at(4 + i * 3); // within 24 h: the reminder is already due
    case "DUE_TOMORROW":
      return at(26 + (i % 8) * 2); // the reminder falls due tomorrow
    case "LATER":
    case "RESCHEDULED":
    case "CANCELLED":
      return at(24 * (3 + (i % 15)));
    case "ATTENDED":
    case "NO_SHOW":
      return at(-24 * (1 + (i % 10)));
  }
}

function pickPatient(refs: VisitSeedRefs, provider: Organization, i: number): Patient {
  const lang = provider.country === "CN" ? "zh" : provider.country === "BG" ? "bg" : "es";
  const same = refs.patients.filter((p) => p.language === lang);
  const pool = same.length > 0 ? same : refs.patients;
  return pool[(i * 5) % pool.length]!;
}

function visitorPrincipal(u: User): Principal {
  return { kind: "STAFF", userId: u.id, organizationId: refId(u.organization)!, roles: u.roles, email: u.email };
}

async function partnerPrincipal(em: EntityManager, org: Organization): Promise<Principal> {
  const key = await em.findOne(ApiKey, { organization: org }, { orderBy: { createdAt: "ASC" } });
  return {
    kind: "PARTNER",
    organizationId: org.id,
    organizationKind: org.kind as PartnerKind,
    apiKeyId: key?.id ?? "00000000-0000-0000-0000-000000000000",
    scopes: ["read", "write"],
  };
}

/** The step form, for seedSteps in seed/index.ts. */
export const seedVisitsStep = async (ctx: SeedContext): Promise<void> => {
  await seedVisits(ctx.em, ctx);
};
