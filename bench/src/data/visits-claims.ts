import type pg from "pg";
import { uuidv7At } from "../shared/prng.js";
import { copyRows, pgTextArray, type Cell } from "./copy.js";
import type { Numbering } from "./orders.js";
import { dateOnly, DAY, HOUR, type World } from "./world.js";

/**
 * Visits: half are appointments SCHEDULED in the next week whose reminder (24 h before)
 * is not yet written — the SMS fan-out scenario's input; the rest are a live mix of
 * field visits and past appointments.
 */
export async function loadVisits(
  db: pg.PoolClient,
  w: World,
  numbers: Numbering,
  visitorUserId: string,
): Promise<number> {
  const pendingReminders = Math.round(w.sizes.visits / 2);
  const rows = function* (): Generator<Cell[]> {
    for (let i = 0; i < w.sizes.visits; i++) {
      const kase = w.cases[w.rng.int(0, w.cases.length - 1)]!;
      const reminder = i < pendingReminders;
      const createdMs = reminder
        ? w.anchorMs - w.rng.int(1, 20 * 24) * HOUR
        : Math.min(w.anchorMs - HOUR, kase.createdMs + w.rng.int(0, 20 * 24) * HOUR);
      const appointment = reminder || w.rng.chance(0.4);
      const ageMs = w.anchorMs - createdMs;
      let status: string;
      if (reminder) status = "SCHEDULED";
      else if (appointment)
        status = ageMs < 7 * DAY ? "SCHEDULED" : w.rng.weighted({ COMPLETED: 85, NO_SHOW: 10, CANCELLED: 5 });
      else if (ageMs < 3 * DAY) status = w.rng.weighted({ PENDING_ASSIGNMENT: 40, SCHEDULED: 30, IN_PROGRESS: 30 });
      else if (ageMs < 14 * DAY)
        status = w.rng.weighted({ IN_PROGRESS: 20, IN_REVIEW: 40, RETURNED: 10, COMPLETED: 30 });
      else status = w.rng.weighted({ COMPLETED: 92, CANCELLED: 5, IN_REVIEW: 3 });
      const scheduledMs = reminder
        ? w.anchorMs + w.rng.int(26, 7 * 24) * HOUR
        : createdMs + w.rng.int(24, 7 * 24) * HOUR;
      const completed = status === "COMPLETED";
      const site = appointment ? w.rng.pick(w.clinics).id : w.rng.pick(w.hospitals).id;
      const updatedMs =
        status === "SCHEDULED" || status === "PENDING_ASSIGNMENT" ? createdMs : Math.min(w.anchorMs - 1, scheduledMs);
      yield [
        uuidv7At(createdMs, w.rng),
        new Date(createdMs),
        new Date(updatedMs),
        1,
        numbers.number("VIS", createdMs),
        appointment ? "APPOINTMENT" : "FIELD_VISIT",
        kase.id,
        w.patientIds[kase.patientIndex],
        site,
        null,
        new Date(scheduledMs),
        appointment ? new Date(scheduledMs - 24 * HOUR) : null,
        appointment && !reminder && status !== "SCHEDULED" ? new Date(scheduledMs - 24 * HOUR) : null,
        !appointment && status !== "PENDING_ASSIGNMENT" ? visitorUserId : null,
        status,
        appointment ? null : dateOnly(createdMs),
        appointment ? null : "B",
        appointment ? null : String(w.rng.int(1, 40)),
        pgTextArray(completed ? ["S82.0"] : []),
        completed ? "Seen and documented." : null,
        completed ? "COMPLETED" : null,
        null,
        null,
        status === "RETURNED" ? "Missing signature" : null,
        status === "RETURNED" ? 1 : 0,
        status === "CANCELLED" ? "Patient request" : null,
        completed ? new Date(updatedMs) : null,
      ];
    }
  };
  return copyRows(
    db,
    "visit",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "number",
      "kind",
      "case_id",
      "patient_id",
      "site_id",
      "order_id",
      "scheduled_at",
      "reminder_due_at",
      "reminded_at",
      "assignee_id",
      "status",
      "admission_date",
      "ward",
      "bed",
      "diagnosis_codes",
      "investigation_result",
      "conclusion",
      "bank_account_enc",
      "bank_account_scheme",
      "return_reason",
      "return_count",
      "cancel_reason",
      "completed_at",
    ],
    rows(),
  );
}

const money = (n: number) => n.toFixed(4);

/** Claims over cases (policy of the case's patient) and ~3.3 lines each (1–6). */
export async function loadClaims(db: pg.PoolClient, w: World, numbers: Numbering): Promise<number> {
  const lines: { claimId: string; count: number; createdMs: number; approved: boolean }[] = [];
  const rows = function* (): Generator<Cell[]> {
    for (let i = 0; i < w.sizes.claims; i++) {
      const kase = w.cases[w.rng.int(0, w.cases.length - 1)]!;
      const policy = w.policies[kase.policyIndex]!;
      const createdMs = Math.min(w.anchorMs - HOUR, kase.createdMs + w.rng.int(1, 30 * 24) * HOUR);
      const ageMs = w.anchorMs - createdMs;
      const status =
        ageMs < 5 * DAY
          ? w.rng.weighted({ DRAFT: 40, SUBMITTED: 40, IN_REVIEW: 20 })
          : ageMs < 30 * DAY
            ? w.rng.weighted({ IN_REVIEW: 30, RETURNED: 10, APPROVED: 40, DENIED: 5, SETTLED: 15 })
            : w.rng.weighted({ SETTLED: 80, APPROVED: 6, DENIED: 7, CANCELLED: 5, RETURNED: 2 });
      const count = w.rng.int(1, 6) === 6 ? w.rng.int(4, 6) : w.rng.int(1, 5);
      const id = uuidv7At(createdMs, w.rng);
      const approved = status === "APPROVED" || status === "SETTLED";
      const gross = count * 100;
      const covered = gross * 0.8;
      const submittedMs = status === "DRAFT" ? null : createdMs + w.rng.int(1, 10 * 24) * HOUR;
      const dueMs = createdMs + 21 * DAY;
      const updatedMs = Math.min(w.anchorMs - 1, (submittedMs ?? createdMs) + w.rng.int(1, 5 * 24) * HOUR);
      lines.push({ claimId: id, count, createdMs, approved });
      yield [
        id,
        new Date(createdMs),
        new Date(updatedMs),
        1,
        numbers.number("CLM", createdMs),
        kase.id,
        policy.id,
        policy.liabilityIds[w.rng.chance(0.7) ? 0 : 1],
        w.rng.weighted({ OUTPATIENT: 70, INPATIENT: 25, GLOBAL: 5 }),
        kase.registeredById,
        w.rng.pick(w.providers).id,
        null,
        status,
        "CLP",
        count,
        money(gross),
        money(0),
        money(0),
        money(covered),
        money(gross - covered),
        money(covered),
        [],
        approved ? money(gross) : null,
        approved ? money(0) : null,
        approved ? money(covered) : null,
        approved ? money(gross - covered) : null,
        approved ? money(covered) : null,
        approved ? new Date(updatedMs) : null,
        money(status === "SETTLED" ? gross - covered : 0),
        money(status === "SETTLED" ? covered : 0),
        money(approved && status !== "SETTLED" ? gross - covered : 0),
        money(approved && status !== "SETTLED" ? covered : 0),
        new Date(dueMs),
        submittedMs === null ? null : submittedMs <= dueMs,
        submittedMs === null ? null : new Date(submittedMs),
        submittedMs === null ? null : new Date(submittedMs),
        null,
        [],
        status === "DENIED" ? "Not covered" : null,
        status === "SETTLED" ? `SET-${i}` : null,
        null,
        status === "SETTLED" ? new Date(updatedMs) : null,
      ];
    }
  };
  let n = await copyRows(
    db,
    "claim",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "number",
      "case_id",
      "policy_id",
      "liability_id",
      "kind",
      "registered_by_id",
      "provider_id",
      "source_visit_id",
      "status",
      "currency",
      "line_count",
      "gross",
      "discount_total",
      "deductible_applied",
      "covered",
      "patient_share",
      "payable",
      "applied_caps",
      "approved_gross",
      "approved_deductible_applied",
      "approved_covered",
      "approved_patient_share",
      "approved_payable",
      "approved_at",
      "paid_patient",
      "paid_insurer",
      "outstanding_patient",
      "outstanding_insurer",
      "delivery_due_at",
      "delivered_on_time",
      "first_submitted_at",
      "last_submitted_at",
      "overdue_flagged_at",
      "return_reasons",
      "denial_reason",
      "settlement_reference",
      "settlement_note",
      "settled_at",
    ],
    rows(),
  );
  const lineRows = function* (): Generator<Cell[]> {
    for (const c of lines)
      for (let p = 1; p <= c.count; p++) {
        const at = new Date(c.createdMs);
        yield [
          uuidv7At(c.createdMs, w.rng),
          at,
          at,
          1,
          c.claimId,
          p,
          "FONASA",
          `TRAUM-${String(w.rng.int(1, 10)).padStart(2, "0")}`,
          "Consultation",
          1,
          "CLP",
          money(100),
          money(0),
          [],
          money(100),
          c.approved ? money(100) : null,
          null,
        ];
      }
  };
  n += await copyRows(
    db,
    "claim_line",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "claim_id",
      "position",
      "service_system",
      "service_code",
      "description",
      "quantity",
      "currency",
      "unit_price",
      "discount",
      "modifiers",
      "amount",
      "approved_amount",
      "adjustment_reason",
    ],
    lineRows(),
  );
  return n;
}
