import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../auth/principal.js";
import { actorOf } from "../auth/principal.js";
import { recordAudit } from "../audit/audit.js";
import { StatusChange } from "../audit/status-change.entity.js";
import type { EntityType } from "../audit/entity-type.js";
import { DomainError } from "../errors/domain-error.js";
import { hooksOf } from "../composition/hooks.js";
export type { StatusChangeNotice } from "../composition/hooks.js";
import {
  rulesFor,
  whoAllows,
  type GuardContext,
  type MachineDefinition,
  type TransitionInput,
  type TransitionRule,
} from "./machine.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

interface Versioned {
  id: string;
  version: number;
}

export interface TransitionRequest<E extends string> {
  event: E;
  principal: Principal;
  /** Required for humans; the workers pass the version they just read. */
  expectedVersion?: number;
  input?: TransitionInput;
  requestId?: string | null;
  now?: Date;
}

export interface TransitionResult<S extends string> {
  from: S;
  to: S;
}

/**
 * The events the principal may fire now: the state matches, the principal is among `who`,
 * and the cheap synchronous guards pass. Guards that need the database are checked only
 * when the event is fired, so listing 100 orders costs no extra queries.
 */
export function availableEvents<T, S extends string, E extends string>(
  machine: MachineDefinition<T, S, E>,
  entity: T,
  principal: Principal,
  now: Date = new Date(),
): E[] {
  const status = machine.getStatus(entity);
  const events = new Set<E>();
  for (const rule of machine.transitions) {
    if (!rule.from.includes(status)) continue;
    if (!whoAllows(machine as never, rule as never, entity, principal)) continue;
    const ctx = { entity, principal, input: {}, now } as GuardContext<T>;
    const syncGuardsPass = (rule.guards ?? []).every((g) => !g.sync || g.check(ctx) === true);
    if (syncGuardsPass) events.add(rule.event);
  }
  return machine.events.filter((e) => events.has(e));
}

/**
 * The available events whose every guard passes now, the database ones included: what one
 * record's page may offer (a lab's SUBMIT_FOR_REVIEW only once a FINAL report is attached).
 * The guards run with no input, so a guard on the input (a reason code) passes here and is
 * checked when the event is fired. Costs the guards' queries: lists use availableEvents.
 */
export async function readyEvents<T, S extends string, E extends string>(
  em: EntityManager,
  machine: MachineDefinition<T, S, E>,
  entity: T,
  principal: Principal,
  now: Date = new Date(),
): Promise<E[]> {
  const ready: E[] = [];
  for (const event of availableEvents(machine, entity, principal, now)) {
    const rule = rulesFor(machine, entity, event).find((r) =>
      whoAllows(machine as never, r as never, entity, principal),
    );
    const ctx = { em, entity, principal, input: {}, now } as GuardContext<T>;
    let passes = true;
    for (const guard of rule?.guards ?? []) {
      if (!(await guard.check(ctx))) {
        passes = false;
        break;
      }
    }
    if (passes) ready.push(event);
  }
  return ready;
}

/** Picks the rule for the event and checks everything but the guards; throws DomainError. */
export function selectRule<T, S extends string, E extends string>(
  machine: MachineDefinition<T, S, E>,
  entity: T,
  event: E,
  principal: Principal,
  input: TransitionInput,
): TransitionRule<T, S, E> {
  // Permission before state: whether the principal may fire this event at all does not
  // depend on the status, so a principal who may not learns nothing about the state (a lab
  // firing APPROVE gets the same code from IN_EVALUATION as from IN_VERIFICATION).
  const notPermitted = () =>
    new DomainError(
      PlatformErrorCode.TRANSITION_NOT_PERMITTED,
      `You may not ${event} this ${machine.entityType.toLowerCase()}.`,
      ["event"],
    );
  const permitted = (r: TransitionRule<T, S, E>) => whoAllows(machine as never, r as never, entity, principal);
  if (!machine.transitions.some((r) => r.event === event && permitted(r))) throw notPermitted();
  const candidates = rulesFor(machine, entity, event);
  if (candidates.length === 0) {
    throw new DomainError(
      PlatformErrorCode.INVALID_TRANSITION,
      `${event} is not possible from ${machine.getStatus(entity)}.`,
      ["event"],
    );
  }
  const rule = candidates.find(permitted);
  if (!rule) throw notPermitted();
  const req = rule.requires ?? {};
  if (req.reason && !input.reason?.trim())
    throw new DomainError(PlatformErrorCode.REASON_REQUIRED, `${event} needs a reason.`, ["reason"]);
  if (req.reasonCode && !input.reasonCode?.trim())
    throw new DomainError(PlatformErrorCode.REASON_CODE_REQUIRED, `${event} needs a reason code.`, ["reasonCode"]);
  if (req.reference && !input.reference?.trim())
    throw new DomainError(PlatformErrorCode.REFERENCE_REQUIRED, `${event} needs a reference.`, ["reference"]);
  return rule;
}

/**
 * Fires one event: version check, rule, guards, effect, new status, and the StatusChange
 * and AuditEvent rows, all queued in the caller's unit of work so they commit together.
 * The caller flushes inside a transaction; the `version` column makes a concurrent
 * change fail that flush (see mapOptimisticLock).
 */
export async function fireTransition<T extends Versioned, S extends string, E extends string>(
  em: EntityManager,
  machine: MachineDefinition<T, S, E>,
  entity: T,
  request: TransitionRequest<E>,
): Promise<TransitionResult<S>> {
  const input = request.input ?? {};
  const now = request.now ?? new Date();
  if (request.expectedVersion !== undefined && request.expectedVersion !== entity.version) {
    throw new DomainError(
      PlatformErrorCode.STALE_VERSION,
      `This ${machine.entityType.toLowerCase()} was changed by someone else (version ${entity.version}, you sent ${request.expectedVersion}). Reload and try again.`,
      ["expectedVersion"],
    );
  }
  const rule = selectRule(machine, entity, request.event, request.principal, input);
  const ctx: GuardContext<T> = { em, entity, principal: request.principal, input, now };
  for (const guard of rule.guards ?? []) {
    if (!(await guard.check(ctx))) throw new DomainError(guard.code, guard.message);
  }
  const from = machine.getStatus(entity);
  const to = typeof rule.to === "function" ? rule.to(entity) : rule.to;
  if (rule.effect) await rule.effect({ ...ctx, from, to });
  machine.setStatus(entity, to);
  recordStatusChange(em, machine.entityType, entity.id, from, to, request.event, request.principal, input, now);
  recordAudit(em, request.principal, request.requestId ?? null, {
    action: `${lowerFirst(machine.entityType)}.transition.${request.event}`,
    entityType: machine.entityType,
    entityId: entity.id,
    changes: { status: { from, to }, ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}) },
  });
  return { from, to };
}

/** Also used on creation (fromStatus null) so every history starts with its first state. */
export function recordStatusChange(
  em: EntityManager,
  entityType: EntityType,
  entityId: string,
  from: string | null,
  to: string,
  event: string,
  principal: Principal,
  input: TransitionInput = {},
  at?: Date,
): StatusChange {
  const actor = actorOf(principal);
  const row = em.create(StatusChange, {
    // The moment the transition happened as its caller states it (a sweep expiring at
    // confirmBy + 1 h, a seed replaying two months), so history and statistics agree with it.
    ...(at ? { createdAt: at, updatedAt: at } : {}),
    entityType,
    entityId,
    fromStatus: from,
    toStatus: to,
    event,
    reason: input.reason ?? null,
    reasonCode: input.reasonCode ?? null,
    reference: input.reference ?? null,
    actorKind: actor.actorKind,
    actorId: actor.actorId,
    actorOrganizationId: actor.organizationId,
  });
  em.persist(row);
  for (const listener of hooksOf(em).statusChangeListeners)
    listener(em, { entityType, entityId, from, to, event, principal, change: row });
  return row;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
