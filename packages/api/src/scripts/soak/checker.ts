import type pg from "pg";
import type { MachineDefinition } from "../../platform/state-machine/machine.js";
import { orderMachine } from "../../modules/order/order.machine.js";
import { visitMachine } from "../../modules/visit/visit.machine.js";
import { claimMachine } from "../../modules/claim/claim.machine.js";
import { caseMachine } from "../../modules/case/case.machine.js";
import { patientMachine } from "../../modules/patient/patient.machine.js";
import type { FakeSmsGateway } from "./fake-sms.js";
import type { Workload } from "./workload.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- machines differ only in their type parameters
type AnyMachine = MachineDefinition<any, string, string>;

/** Each machine with the table holding its current status. */
const MACHINES: { machine: AnyMachine; table: string; creation: string[] }[] = [
  { machine: orderMachine as AnyMachine, table: "attention_order", creation: [orderMachine.initial] },
  // Appointments are booked straight into SCHEDULED; field visits start unassigned.
  { machine: visitMachine as AnyMachine, table: "visit", creation: [visitMachine.initial, "SCHEDULED"] },
  { machine: claimMachine as AnyMachine, table: "claim", creation: [claimMachine.initial] },
  { machine: caseMachine as AnyMachine, table: "medical_case", creation: [caseMachine.initial] },
  { machine: patientMachine as AnyMachine, table: "patient", creation: [patientMachine.initial] },
];

const TABLE_OF_OP = { issueOrder: "attention_order", registerClaim: "claim", scheduleAppointment: "visit" } as const;
export const REMINDER_TEMPLATE = "appointment-reminder";

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function runChecks(db: pg.Pool, work: Workload, sms: FakeSmsGateway, since: Date): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = (name: string, problems: string[], okDetail: string) =>
    results.push({
      name,
      ok: problems.length === 0,
      detail: problems.length ? problems.slice(0, 5).join("; ") : okDetail,
    });

  // 1. Every acknowledged create: its row exists, and its key maps to exactly that row.
  {
    const problems: string[] = [];
    for (const op of Object.keys(TABLE_OF_OP) as (keyof typeof TABLE_OF_OP)[]) {
      const acked = work.creates.filter((c) => c.op === op);
      const ids = acked.map((c) => c.id);
      const rows = (await db.query(`select id from ${TABLE_OF_OP[op]} where id = any($1::uuid[])`, [ids])).rows;
      if (rows.length !== new Set(ids).size)
        problems.push(`${op}: ${ids.length - rows.length} acknowledged rows missing`);
      const recs = (
        await db.query(`select key, result_id from idempotency_record where key = any($1) and operation = $2`, [
          acked.map((c) => c.key),
          op,
        ])
      ).rows as { key: string; result_id: string }[];
      const byKey = new Map(recs.map((r) => [r.key, r.result_id]));
      for (const c of acked)
        if (byKey.get(c.key) !== c.id) problems.push(`${op} ${c.key}: record points at ${byKey.get(c.key)}`);
      // Doubling: every row the soak's keys created must be the result of exactly one key.
      const created = (
        await db.query(
          `select count(*)::int n, count(distinct r.result_id)::int d from idempotency_record r
            where r.operation = $1 and r.key like 'soak-%' and r.created_at >= $2`,
          [op, since],
        )
      ).rows[0] as { n: number; d: number };
      if (created.n !== created.d) problems.push(`${op}: ${created.n - created.d} rows shared by two keys`);
      const extra = (
        await db.query(
          `select count(*)::int n from ${TABLE_OF_OP[op]} t where t.created_at >= $1
             and not exists (select 1 from idempotency_record r where r.result_id = t.id)`,
          [since],
        )
      ).rows[0] as { n: number };
      if (extra.n > 0) problems.push(`${op}: ${extra.n} rows created without an idempotency record (doubled writes)`);
      const keys = (
        await db.query(`select count(*)::int n from idempotency_record where operation = $1 and key like 'soak-%'`, [
          op,
        ])
      ).rows[0] as { n: number };
      if (keys.n > work.attemptedKeys.size) problems.push(`${op}: more records than keys sent`);
    }
    check("acknowledged creates exist exactly once", problems, `${work.creates.length} creates, one row per key`);
  }

  // 2. Every acknowledged transition is in the history, once.
  {
    const problems: string[] = [];
    const rows = (
      await db.query(
        `select entity_id, event, to_status, count(*)::int n from status_change
          where entity_type = 'Order' and entity_id = any($1::uuid[]) group by 1, 2, 3`,
        [work.transitions.map((t) => t.orderId)],
      )
    ).rows as { entity_id: string; event: string; to_status: string; n: number }[];
    const seen = new Map(rows.map((r) => [`${r.entity_id}/${r.event}/${r.to_status}`, r.n]));
    for (const t of work.transitions) {
      const n = seen.get(`${t.orderId}/${t.event}/${t.to}`) ?? 0;
      if (n !== 1) problems.push(`${t.orderId} ${t.event}→${t.to} recorded ${n} times`);
    }
    check("acknowledged transitions are in the history once", problems, `${work.transitions.length} transitions`);
  }

  // 3. Every due reminder of a soak appointment: one outbox row, SENT, one delivery.
  {
    const problems: string[] = [];
    const visitIds = work.creates.filter((c) => c.op === "scheduleAppointment").map((c) => c.id);
    const due = (
      await db.query(
        `select v.id, (select json_agg(json_build_object('id', n.id, 'status', n.status)) from notification n
                 where n.related_id = v.id and n.template = $2) as notes
           from visit v where v.id = any($1::uuid[]) and v.reminder_due_at <= now()`,
        [visitIds, REMINDER_TEMPLATE],
      )
    ).rows as { id: string; notes: { id: string; status: string }[] | null }[];
    for (const v of due) {
      const notes = v.notes ?? [];
      if (notes.length !== 1) problems.push(`visit ${v.id}: ${notes.length} reminder rows`);
      for (const n of notes) {
        if (n.status !== "SENT") problems.push(`reminder ${n.id} is ${n.status}`);
        if ((sms.delivered.get(n.id) ?? 0) !== 1)
          problems.push(`reminder ${n.id} delivered ${sms.delivered.get(n.id) ?? 0} times`);
      }
    }
    const sent = (await db.query(`select id from notification where channel = 'SMS' and status = 'SENT'`)).rows as {
      id: string;
    }[];
    const sentIds = new Set(sent.map((r) => r.id));
    for (const key of sms.delivered.keys())
      if (!sentIds.has(key)) problems.push(`gateway delivered ${key}, not SENT in the outbox`);
    const retried = [...sms.posts.values()].filter((n) => n > 1).length;
    check(
      "every due reminder delivered exactly once",
      due.length === 0 ? ["no reminder fell due during the run"] : problems,
      `${due.length} due reminders, ${sms.delivered.size} SMS delivered, ${retried} keys posted more than once (deduped)`,
    );
  }

  // 4 and 5. Histories follow the machines, and each status is its history's last `to`.
  for (const { machine, table, creation } of MACHINES) {
    const problems: string[] = [];
    const legal = new Set<string>();
    for (const rule of machine.transitions)
      for (const from of rule.from)
        for (const to of typeof rule.to === "string" ? [rule.to] : machine.statuses)
          legal.add(`${from}|${rule.event}|${to}`);
    const pairs = (
      await db.query(
        `select from_status, event, to_status, count(*)::int n from status_change where entity_type = $1 group by 1, 2, 3`,
        [machine.entityType],
      )
    ).rows as { from_status: string | null; event: string; to_status: string; n: number }[];
    for (const p of pairs) {
      const ok =
        p.from_status === null
          ? creation.includes(p.to_status)
          : legal.has(`${p.from_status}|${p.event}|${p.to_status}`);
      if (!ok) problems.push(`${p.n}× ${p.from_status ?? "∅"} -${p.event}-> ${p.to_status}`);
    }
    const mismatched = (
      await db.query(
        `select t.id, t.status::text, last.to_status from ${table} t
           join lateral (select to_status from status_change s where s.entity_type = $1 and s.entity_id = t.id
                          order by s.created_at desc, s.id desc limit 1) last on true
          where t.status::text <> last.to_status limit 5`,
        [machine.entityType],
      )
    ).rows as { id: string; status: string; to_status: string }[];
    for (const m of mismatched) problems.push(`${m.id} is ${m.status}, history ends at ${m.to_status}`);
    const total = pairs.reduce((s, p) => s + p.n, 0);
    check(`${machine.entityType} histories legal and current`, problems, `${total} status changes`);
  }
  return results;
}
