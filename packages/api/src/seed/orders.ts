import type { EntityManager } from "@mikro-orm/postgresql";
import { DateTime } from "luxon";
import type { Config } from "../config.js";
import type { Principal, PartnerKind } from "../platform/auth/principal.js";
import { ApiKey } from "../modules/api-key/api-key.entity.js";
import { CaseKind, type Case } from "../modules/case/case.entity.js";
import { CaseService } from "../modules/case/case.service.js";
import type { Organization } from "../modules/organization/organization.entity.js";
import { seedFormTemplates } from "../modules/order/form-templates.seed.js";
import { OrderKind, OrderStatus, type Order } from "../modules/order/order.entity.js";
import { expireOrder } from "../modules/order/order.expiry.js";
import { OrderEvent } from "../modules/order/order.machine.js";
import { OrderService } from "../modules/order/order.service.js";
import { ReportKind } from "../modules/order/report.entity.js";
import { ReportService } from "../modules/order/report.service.js";
import type { SeedContext } from "./context.js";

/** What seedOrders needs from earlier steps: the SeedContext without its EntityManager. */
export type OrderSeedRefs = Omit<SeedContext, "em">;

/** Where each demo order ends up, 120 in all, so every tray and status has rows. */
const TARGETS: [OrderStatus, number][] = [
  [OrderStatus.ISSUED, 18],
  [OrderStatus.CONFIRMED, 14],
  [OrderStatus.IN_EVALUATION, 16],
  [OrderStatus.IN_VERIFICATION, 14],
  [OrderStatus.REJECTED, 10],
  [OrderStatus.VALIDATED_FOR_BILLING, 12],
  [OrderStatus.BILLED, 16],
  [OrderStatus.SUSPENDED, 6],
  [OrderStatus.VOIDED, 6],
  [OrderStatus.EXPIRED, 8],
];

type Step = OrderEvent | "PRELIMINARY" | "FINAL" | "CORRECTION";
const E = OrderEvent;
const TO_REVIEW: Step[] = [E.CONFIRM, E.START_EVALUATION, "PRELIMINARY", "FINAL", E.SUBMIT_FOR_REVIEW];
const PATHS: Record<OrderStatus, Step[]> = {
  ISSUED: [],
  CONFIRMED: [E.CONFIRM],
  IN_EVALUATION: [E.CONFIRM, E.START_EVALUATION, "PRELIMINARY"],
  IN_VERIFICATION: TO_REVIEW,
  REJECTED: [...TO_REVIEW, E.REJECT],
  VALIDATED_FOR_BILLING: [...TO_REVIEW, E.REJECT, "CORRECTION", E.RESUBMIT, E.APPROVE],
  BILLED: [...TO_REVIEW, E.APPROVE, E.MARK_BILLED],
  SUSPENDED: [E.CONFIRM, E.SUSPEND],
  VOIDED: [E.CONFIRM, E.VOID],
  EXPIRED: [], // expired by the system, see seedOrders
};

/** Provider, kind, specialty and fee-schedule code of each kind of demo order. */
const LINES: { provider: string; kind: OrderKind; specialty: string; codes: string[] }[] = [
  { provider: "interconsultant1", kind: OrderKind.EXPERT_OPINION, specialty: "traumatology", codes: ["PER-TRA"] },
  { provider: "lab1", kind: OrderKind.EXAM, specialty: "traumatology", codes: ["RX-STD"] },
  { provider: "interconsultant2", kind: OrderKind.EXPERT_OPINION, specialty: "psychiatry", codes: ["PER-PSI"] },
  { provider: "clinic3", kind: OrderKind.EXAM, specialty: "audiology", codes: ["AUD-TON", "EX-GEN"] },
  { provider: "lab2", kind: OrderKind.INTERCONSULTATION, specialty: "traumatology", codes: ["INT-ESP"] },
  { provider: "lab3", kind: OrderKind.EXAM, specialty: "audiology", codes: ["AUD-TON"] },
];

const FORMS: Record<string, Record<string, unknown>> = {
  traumatology: {
    diagnosis: "Esguince de tobillo grado II",
    affectedSegment: "LOWER_LIMB",
    functionalLoss: 12,
    examinedAt: "2026-02-10",
  },
  psychiatry: { diagnosis: "Trastorno adaptativo mixto", icd10: "F43.2", gafScore: 62, workCapacity: "PARTIAL" },
  audiology: { leftEarDb: 35, rightEarDb: 20, hearingLossType: "SENSORINEURAL", tinnitus: true },
};

/** Deadlines as in the default configuration (ORDER_CONFIRM_HOURS_* / ORDER_DUE_DAYS_*). */
const DEADLINES = {
  ORDER_CONFIRM_HOURS_EXAM: 48,
  ORDER_DUE_DAYS_EXAM: 10,
  ORDER_CONFIRM_HOURS_EXPERT_OPINION: 72,
  ORDER_DUE_DAYS_EXPERT_OPINION: 20,
  ORDER_CONFIRM_HOURS_INTERCONSULTATION: 48,
  ORDER_DUE_DAYS_INTERCONSULTATION: 15,
} as Config;

/**
 * 40 cases (five of them inpatient cases registered by a hospital) and 120 attention
 * orders to labs, a clinic and interconsultants, driven through the same services and
 * state machine as the API: reports are validated forms, rejections carry reason codes
 * and queue their notifications, expirations run as the system.
 */
export async function seedOrders(outer: EntityManager, refs: OrderSeedRefs): Promise<Order[]> {
  await seedFormTemplates(outer);
  const operatorOrg = refs.organizations.operator!;
  const admin = Object.values(refs.users).find((u) => u.roles.includes("ADMIN"))!;
  const staff: Principal = {
    kind: "STAFF",
    userId: admin.id,
    organizationId: operatorOrg.id,
    roles: ["ADMIN"],
    email: admin.email,
  };
  const today = DateTime.fromISO(refs.today, { zone: "America/Santiago" }).set({ hour: 10 });
  const cases = await seedCases(outer.fork({ keepTransactionContext: true }), refs, staff, today);
  const plan = TARGETS.flatMap(([status, n]) => Array.from({ length: n }, () => status));
  const orders: Order[] = [];
  for (const [i, target] of plan.entries()) {
    // A fresh unit of work per order in the same transaction: flushes stay cheap instead
    // of re-checking every entity the seed has built so far.
    const em = outer.fork({ keepTransactionContext: true });
    const line = LINES[i % LINES.length]!;
    const provider = refs.organizations[line.provider]!;
    const providerPrincipal = await partnerPrincipal(em, provider);
    // Orders still waiting on the provider are recent; the rest are spread over two months.
    const daysAgo =
      target === OrderStatus.ISSUED
        ? 0.5
        : [OrderStatus.CONFIRMED, OrderStatus.IN_EVALUATION].includes(target)
          ? 2 + (i % 5)
          : 10 + (i % 45);
    let at = today.minus({ hours: Math.round(daysAgo * 24) });
    const service = (p: Principal) => new OrderService(em, p, null, DEADLINES);
    const order = await service(staff).issue(
      {
        caseId: cases[i % cases.length]!.id,
        providerId: provider.id,
        kind: line.kind,
        specialty: line.specialty,
        serviceCodes: line.codes,
      },
      at.toJSDate(),
    );
    if (target === OrderStatus.EXPIRED) {
      // The provider never confirmed: the expiration worker's sweep an hour after confirmBy.
      await expireOrder(em, order.id, new Date(order.confirmBy.getTime() + 3600_000));
      orders.push(order);
      continue;
    }
    for (const step of PATHS[target]) {
      at = at.plus({ hours: 7 });
      if (step === "PRELIMINARY" || step === "FINAL" || step === "CORRECTION") {
        await new ReportService(em, providerPrincipal, null).attach({
          orderId: order.id,
          kind: step === "PRELIMINARY" ? ReportKind.PRELIMINARY : ReportKind.FINAL,
          form: {
            ...FORMS[line.specialty]!,
            ...(step === "CORRECTION" ? { notes: "Informe corregido y firmado." } : {}),
          },
        });
        continue;
      }
      const byProvider = [E.CONFIRM, E.START_EVALUATION, E.SUBMIT_FOR_REVIEW, E.RESUBMIT].includes(step);
      const actor = byProvider ? providerPrincipal : staff;
      await service(actor).transition(
        {
          id: order.id,
          event: step,
          expectedVersion: order.version,
          reason: reasonFor(step),
          reasonCode: step === E.REJECT ? (i % 2 ? "MISSING_SIGNATURE" : "INCOMPLETE_REPORT") : null,
          reference: step === E.MARK_BILLED ? `FAC-${order.number}` : null,
        },
        at.toJSDate(),
      );
    }
    orders.push(order);
  }
  return orders;
}

function reasonFor(event: OrderEvent): string | null {
  switch (event) {
    case E.REJECT:
      return "El informe final no cumple con el formato requerido por la comisión.";
    case E.SUSPEND:
      return "Paciente hospitalizado; se retoma al alta.";
    case E.VOID:
      return "Orden emitida por error: examen duplicado.";
    default:
      return null;
  }
}

async function seedCases(em: EntityManager, refs: OrderSeedRefs, staff: Principal, today: DateTime): Promise<Case[]> {
  const hospital = refs.organizations.hospital1!;
  const hospitalPrincipal = await partnerPrincipal(em, hospital);
  const patients = refs.patients.filter((p) => /^\d{8}$/.test(p.customerNumber));
  const cases: Case[] = [];
  for (let i = 0; i < 40; i++) {
    const inpatient = i % 8 === 7;
    const registeredAt = today.minus({ days: 60 - i });
    const principal = inpatient ? hospitalPrincipal : staff;
    const kase = await new CaseService(em, principal, null).register(
      {
        patientId: patients[i % patients.length]!.id,
        kind: inpatient ? CaseKind.INPATIENT : i % 5 === 4 ? CaseKind.GLOBAL : CaseKind.OUTPATIENT,
        incidentDate: registeredAt.minus({ days: 3 }).toISODate()!,
        description: inpatient ? "Ingreso por urgencia, pendiente de visita." : null,
      },
      registeredAt.toJSDate(),
    );
    cases.push(kase);
  }
  return cases;
}

/** The principal a partner acts as through its API key (history shows the key). */
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
export const seedOrdersStep = async (ctx: SeedContext): Promise<void> => {
  await seedOrders(ctx.em, ctx);
};
