import type pg from "pg";
import { uuidv7At } from "../shared/prng.js";
import { copyRows, type Cell } from "./copy.js";
import { SPECIALTIES } from "./reference.js";
import { dateOnly, DAY, HOUR, type World } from "./world.js";

/** Gapless per-year document numbers like the API's nextNumber (PREFIX-YYYY-000001). */
export class Numbering {
  private readonly next = new Map<string, number>();
  number(prefix: string, ms: number): string {
    const key = `${prefix}-${new Date(ms).getUTCFullYear()}`;
    const n = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, n);
    return `${key}-${String(n).padStart(6, "0")}`;
  }
  /** PREFIX-YYYY → last number issued, for the document_counter table. */
  entries(): IterableIterator<[string, number]> {
    return this.next.entries();
  }
}

export async function loadCases(db: pg.PoolClient, w: World, numbers: Numbering): Promise<number> {
  const registrars = w.registrars;
  const rows = function* (): Generator<Cell[]> {
    for (let i = 0; i < w.sizes.cases; i++) {
      const createdMs = w.createdMs();
      const patientIndex = w.rng.int(0, w.patientIds.length - 1);
      const registrar = w.rng.pick(registrars);
      const id = uuidv7At(createdMs, w.rng);
      const kind = w.rng.weighted({ OUTPATIENT: 70, INPATIENT: 25, GLOBAL: 5 });
      const hospitalId =
        registrar.kind === "HOSPITAL" ? registrar.id : kind === "INPATIENT" ? w.rng.pick(w.hospitals).id : null;
      const incident = dateOnly(createdMs - w.rng.int(0, 10) * DAY);
      const ageDays = (w.anchorMs - createdMs) / DAY;
      const status =
        ageDays > 120
          ? w.rng.weighted({ CLOSED: 80, OPEN: 17, CANCELLED: 3 })
          : w.rng.chance(0.02)
            ? "CANCELLED"
            : "OPEN";
      const updated = new Date(
        status === "OPEN" ? createdMs : Math.min(w.anchorMs, createdMs + w.rng.int(30, 90) * DAY),
      );
      w.cases.push({
        id,
        patientIndex,
        registeredById: registrar.id,
        createdMs,
        policyIndex: patientIndex % w.policies.length,
      });
      yield [
        id,
        new Date(createdMs),
        updated,
        1,
        numbers.number("CASE", createdMs),
        w.patientIds[patientIndex],
        kind,
        incident,
        registrar.id,
        hospitalId,
        `${w.patientCustomerNumbers[patientIndex]}${incident.replace(/-/g, "")}`,
        status,
        null,
      ];
    }
  };
  return copyRows(
    db,
    "medical_case",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "number",
      "patient_id",
      "kind",
      "incident_date",
      "registered_by_id",
      "hospital_id",
      "scan_key",
      "status",
      "description",
    ],
    rows(),
  );
}

type OrderStatus =
  | "ISSUED"
  | "CONFIRMED"
  | "IN_EVALUATION"
  | "IN_VERIFICATION"
  | "REJECTED"
  | "VALIDATED_FOR_BILLING"
  | "BILLED"
  | "SUSPENDED"
  | "VOIDED"
  | "EXPIRED";

/** Status by age, like a live system: recent orders in work, old ones billed or closed. */
function statusFor(w: World, ageMs: number): OrderStatus {
  if (ageMs < 48 * HOUR) return w.rng.chance(0.8) ? "ISSUED" : "CONFIRMED";
  if (ageMs < 10 * DAY)
    return w.rng.weighted({
      CONFIRMED: 20,
      IN_EVALUATION: 35,
      IN_VERIFICATION: 30,
      REJECTED: 5,
      VALIDATED_FOR_BILLING: 10,
    });
  if (ageMs < 45 * DAY)
    return w.rng.weighted({
      IN_VERIFICATION: 10,
      REJECTED: 3,
      VALIDATED_FOR_BILLING: 30,
      BILLED: 45,
      SUSPENDED: 3,
      VOIDED: 4,
      EXPIRED: 5,
    });
  return w.rng.weighted({
    BILLED: 84,
    VOIDED: 5,
    EXPIRED: 6,
    VALIDATED_FOR_BILLING: 2,
    IN_VERIFICATION: 2.5,
    SUSPENDED: 0.5,
  });
}

/**
 * Orders: each belongs to a random case, is issued up to 30 days after it, and carries the
 * deadlines the API sets (confirm 48 h, due 10 days). `dueShare` of them form a backlog the
 * sweeper has not seen (deadline passed in the last 60 days, still ISSUED/CONFIRMED/IN_EVALUATION),
 * which is what the expiration scenario consumes.
 */
export async function loadOrders(db: pg.PoolClient, w: World, numbers: Numbering, dueShare: number): Promise<number> {
  const providers = w.providers;
  const rows = function* (): Generator<Cell[]> {
    for (let i = 0; i < w.sizes.orders; i++) {
      const kase = w.cases[w.rng.int(0, w.cases.length - 1)]!;
      const due = w.rng.chance(dueShare);
      let createdMs = Math.min(w.anchorMs - HOUR, kase.createdMs + w.rng.int(0, 30 * 24) * HOUR);
      let status: OrderStatus;
      if (due) {
        createdMs = w.anchorMs - w.rng.int(11 * 24, 60 * 24) * HOUR;
        status = w.rng.weighted({ ISSUED: 50, CONFIRMED: 25, IN_EVALUATION: 25 });
      } else status = statusFor(w, w.anchorMs - createdMs);
      if (createdMs < kase.createdMs) createdMs = kase.createdMs;
      const id = uuidv7At(createdMs, w.rng);
      const kind = w.rng.weighted({ EXAM: 70, EXPERT_OPINION: 15, INTERCONSULTATION: 15 });
      const specialty = w.rng.pick(SPECIALTIES);
      const codes = [`${specialty.slice(0, 5).toUpperCase()}-${String(w.rng.int(1, 10)).padStart(2, "0")}`];
      const confirmBy = createdMs + 48 * HOUR;
      const dueAt = createdMs + 10 * DAY;
      const settled = status !== "ISSUED";
      const updatedMs = settled ? Math.min(w.anchorMs - 1, createdMs + w.rng.int(1, 9 * 24) * HOUR) : createdMs;
      const rejected =
        status === "REJECTED" ||
        (settled && w.rng.chance(0.04) && status !== "CONFIRMED" && status !== "IN_EVALUATION");
      yield [
        id,
        new Date(createdMs),
        new Date(updatedMs),
        1,
        numbers.number("ORD", createdMs),
        kase.id,
        w.rng.pick(providers).id,
        kind,
        specialty,
        codes,
        status,
        new Date(confirmBy),
        new Date(dueAt),
        (30 + w.rng.int(0, 400) * 2.5).toFixed(2),
        "CLP",
        null,
        status === "SUSPENDED" ? "CONFIRMED" : null,
        status === "SUSPENDED" ? new Date(updatedMs) : null,
        rejected ? new Date(updatedMs - HOUR) : null,
        rejected ? 1 : 0,
        status === "BILLED" ? `INV-${i}` : null,
      ];
    }
  };
  return copyRows(
    db,
    "attention_order",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "number",
      "case_id",
      "provider_id",
      "kind",
      "specialty",
      "requested_codes",
      "status",
      "confirm_by",
      "due_at",
      "amount",
      "currency",
      "notes",
      "suspended_from",
      "suspended_at",
      "last_rejected_at",
      "rejection_count",
      "invoice_reference",
    ],
    rows(),
  );
}
