import type { EntityManager } from "@mikro-orm/postgresql";
import { isStaff, type Principal, type StaffRole } from "../auth/principal.js";
import type { ErrorCode } from "../errors/error-codes.js";
import type { EntityType } from "../audit/entity-type.js";
import { addToWorkflowVocabulary } from "./vocabulary.js";

/**
 * The declarative shape of every state machine of SPEC §3: a table of
 * (from, event, to, who may, guard, effect). The API, the workers and the console all
 * read these tables; nobody assigns `status` by hand.
 */

/** Who may fire a transition. Relations are named in the machine (e.g. "provider"). */
export type Actor =
  | { role: StaffRole } // staff with this role (ADMIN always passes)
  | { partner: string } // the partner organisation named by this relation of the entity
  | { user: string } // the staff user named by this relation of the entity (e.g. "assignee")
  | { system: true }; // only the background workers

export interface TransitionInput {
  reason?: string | null;
  reasonCode?: string | null;
  reference?: string | null;
  /** Event-specific data (a new visitor, a new time, approved amounts…). */
  data?: Record<string, unknown>;
}

export interface GuardContext<T> {
  em: EntityManager;
  entity: T;
  principal: Principal;
  input: TransitionInput;
  now: Date;
}

export interface Guard<T> {
  /** The userError code returned when the guard fails, e.g. FINAL_REPORT_REQUIRED. */
  code: ErrorCode;
  message: string;
  /** Cheap, synchronous guards are also used to compute availableTransitions. */
  check: (ctx: GuardContext<T>) => boolean | Promise<boolean>;
  sync?: boolean;
}

export interface TransitionRule<T, S extends string, E extends string> {
  from: readonly S[];
  event: E;
  /** A fixed target, or computed (RESUME returns to the state before SUSPEND). */
  to: S | ((entity: T) => S);
  who: readonly Actor[];
  requires?: { reason?: boolean; reasonCode?: boolean; reference?: boolean };
  guards?: readonly Guard<T>[];
  /** Runs after the guards pass and before the status changes; may change the entity. */
  effect?: (ctx: GuardContext<T> & { from: S; to: S }) => void | Promise<void>;
  description?: string;
}

export interface MachineDefinition<T, S extends string, E extends string> {
  /** The entity type name used in history and audit rows, e.g. "Order". */
  entityType: EntityType;
  /** The event of the history's first row, written when the entity is created (ISSUE, REGISTER…). */
  creationEvent: string;
  statuses: readonly S[];
  events: readonly E[];
  initial: S;
  terminal: readonly S[];
  transitions: readonly TransitionRule<T, S, E>[];
  /** How to read the ids behind relation names used in `who`. */
  relations: Record<string, (entity: T) => string | null | undefined>;
  getStatus: (entity: T) => S;
  setStatus: (entity: T, status: S) => void;
}

export function defineMachine<T, S extends string, E extends string>(
  def: MachineDefinition<T, S, E>,
): MachineDefinition<T, S, E> {
  for (const rule of def.transitions) {
    for (const from of rule.from) {
      if (!def.statuses.includes(from)) throw new Error(`${def.entityType}: unknown state ${from} in ${rule.event}`);
    }
    if (typeof rule.to === "string" && !def.statuses.includes(rule.to))
      throw new Error(`${def.entityType}: unknown target ${rule.to} in ${rule.event}`);
    if (!def.events.includes(rule.event)) throw new Error(`${def.entityType}: unknown event ${rule.event}`);
  }
  addToWorkflowVocabulary(def);
  return def;
}

/** The states that are not terminal, for "any non-terminal" rows of the tables. */
export function nonTerminal<S extends string>(statuses: readonly S[], terminal: readonly S[]): S[] {
  return statuses.filter((s) => !terminal.includes(s));
}

export function actorAllows<T>(
  machine: MachineDefinition<T, string, string>,
  actor: Actor,
  entity: T,
  principal: Principal,
): boolean {
  if ("system" in actor) return principal.kind === "SYSTEM";
  if ("role" in actor) return isStaff(principal, actor.role);
  if ("partner" in actor) {
    const orgId = machine.relations[actor.partner]?.(entity);
    return principal.kind === "PARTNER" && !!orgId && principal.organizationId === orgId;
  }
  const userId = machine.relations[actor.user]?.(entity);
  return principal.kind === "STAFF" && !!userId && principal.userId === userId;
}

export function whoAllows<T>(
  machine: MachineDefinition<T, string, string>,
  rule: TransitionRule<T, string, string>,
  entity: T,
  principal: Principal,
): boolean {
  return rule.who.some((a) => actorAllows(machine, a, entity, principal));
}

/** Rules whose `from` matches the entity's current state, for one event. */
export function rulesFor<T, S extends string, E extends string>(
  machine: MachineDefinition<T, S, E>,
  entity: T,
  event: E,
): TransitionRule<T, S, E>[] {
  const status = machine.getStatus(entity);
  return machine.transitions.filter((r) => r.event === event && r.from.includes(status));
}
