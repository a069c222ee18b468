import type { EntityManager } from "@mikro-orm/postgresql";
import { defineMachine, type Actor, type Guard } from "../../platform/state-machine/machine.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case, CaseStatus } from "./case.entity.js";
import { CaseErrorCode } from "./case.errors.js";

export enum CaseEvent {
  CLOSE = "CLOSE",
  CANCEL = "CANCEL",
  REOPEN = "REOPEN",
}

const ORDER_TERMINAL = ["BILLED", "VOIDED", "EXPIRED"];
const VISIT_TERMINAL = ["COMPLETED", "NO_SHOW", "CANCELLED"];
const CLAIM_TERMINAL = ["SETTLED", "DENIED", "CANCELLED"];

/**
 * Counts the case's orders, visits and claims that are still open. Visits and claims
 * are read with SQL guarded by to_regclass so the rule holds before and after those
 * modules add their tables, without the case module importing them.
 */
export async function openWorkOfCase(em: EntityManager, caseId: string): Promise<number> {
  const [tables] = await em.execute<{ visit: boolean; claim: boolean }[]>(
    `select to_regclass('visit') is not null as visit, to_regclass('claim') is not null as claim`,
  );
  const parts: { table: string; terminal: string[] }[] = [{ table: "attention_order", terminal: ORDER_TERMINAL }];
  if (tables?.visit) parts.push({ table: "visit", terminal: VISIT_TERMINAL });
  if (tables?.claim) parts.push({ table: "claim", terminal: CLAIM_TERMINAL });
  const sql = parts
    .map(
      (p) =>
        `(select count(*) from ${p.table} where case_id = ? and status::text not in (${p.terminal.map(() => "?").join(",")}))`,
    )
    .join(" + ");
  const rows = await em.execute<{ open: string | number }[]>(
    `select ${sql} as open`,
    parts.flatMap((p) => [caseId, ...p.terminal]),
  );
  return Number(rows[0]?.open ?? 0);
}

const noOpenWork: Guard<Case> = {
  code: CaseErrorCode.CASE_HAS_OPEN_WORK,
  message: "The case still has orders, visits or claims that are not finished.",
  check: async ({ em, entity }) => (await openWorkOfCase(em, entity.id)) === 0,
};

const operator: Actor = { role: "OPERATOR" };
const registrar: Actor = { partner: "registeredBy" };

export const caseMachine = defineMachine<Case, CaseStatus, CaseEvent>({
  entityType: "Case",
  creationEvent: "REGISTER",
  statuses: Object.values(CaseStatus),
  events: Object.values(CaseEvent),
  initial: CaseStatus.OPEN,
  terminal: [CaseStatus.CANCELLED],
  relations: { registeredBy: (c) => refId(c.registeredBy) },
  getStatus: (c) => c.status,
  setStatus: (c, s) => {
    c.status = s;
  },
  transitions: [
    {
      from: [CaseStatus.OPEN],
      event: CaseEvent.CLOSE,
      to: CaseStatus.CLOSED,
      who: [operator, registrar],
      guards: [noOpenWork],
    },
    {
      from: [CaseStatus.OPEN],
      event: CaseEvent.CANCEL,
      to: CaseStatus.CANCELLED,
      who: [operator, registrar],
      requires: { reason: true },
      guards: [noOpenWork],
    },
    {
      from: [CaseStatus.CLOSED],
      event: CaseEvent.REOPEN,
      to: CaseStatus.OPEN,
      who: [operator],
      requires: { reason: true },
    },
  ],
});
