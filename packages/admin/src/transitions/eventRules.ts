import type { TransitionMeta } from "../resources/types";

/** Events that record why (SPEC §3: reject, return, deny, void, cancel, suspend need a reason). */
const REASON_EVENTS = new Set(["REJECT", "RETURN", "DENY", "VOID", "CANCEL", "SUSPEND"]);
/** Events where a reason is optional, asked for when the rule may need one (SETTLE before the insurer paid in full). */
const OPTIONAL_REASON_EVENTS = new Set(["SETTLE"]);
/** Events whose reason is also classified, when the schema gives a reason-code enum. */
const REASON_CODE_EVENTS = new Set(["REJECT", "RETURN", "DENY"]);
/**
 * Events whose free-text reason code the API requires although the schema lists no codes:
 * a claim's RETURN reason is a code and a text (claim machine, RETURN_REASON_REQUIRED).
 */
const FREE_CODE_EVENTS: Record<string, string[]> = { transitionClaim: ["RETURN"] };
/** Events that end the record's life and so ask "are you sure?". */
const CONFIRM_EVENTS = new Set(["VOID", "DENY", "CANCEL"]);
/** Events that carry an invoice or payment reference. */
const REFERENCE_EVENTS = new Set(["MARK_BILLED", "SETTLE"]);
/** Events that move an appointment to a new date and time (the API takes it as scheduledAt). */
const SCHEDULE_EVENTS = new Set(["RESCHEDULE"]);
/**
 * Events that cannot be undone for one machine and so ask first, though not destructive:
 * an approved order goes to billing (SPEC §3 orders: APPROVE has no way back).
 */
const CONFIRM_BY_MUTATION: Record<string, Set<string>> = { transitionOrder: new Set(["APPROVE"]) };

export interface EventNeeds {
  reason: boolean;
  /** a reason field that may stay empty */
  optionalReason: boolean;
  reasonCode: boolean;
  /** a reason code typed by hand (no list to pick from) */
  freeReasonCode: boolean;
  reference: boolean;
  scheduledAt: boolean;
  confirm: boolean;
  /** the confirmation is for an irreversible step, not a destructive one (shown as primary) */
  destructive: boolean;
}

export function eventNeeds(event: string, transition: TransitionMeta): EventNeeds {
  return {
    reason: transition.accepts.reason && REASON_EVENTS.has(event),
    optionalReason: transition.accepts.reason && OPTIONAL_REASON_EVENTS.has(event),
    reasonCode:
      transition.accepts.reasonCode &&
      ((transition.reasonCodes.length > 0 && REASON_CODE_EVENTS.has(event)) ||
        Boolean(transition.reasonCodeSource?.events.includes(event))),
    freeReasonCode: transition.accepts.reasonCode && Boolean(FREE_CODE_EVENTS[transition.mutation]?.includes(event)),
    reference: transition.accepts.reference && REFERENCE_EVENTS.has(event),
    scheduledAt: transition.accepts.scheduledAt && SCHEDULE_EVENTS.has(event),
    confirm: CONFIRM_EVENTS.has(event) || Boolean(CONFIRM_BY_MUTATION[transition.mutation]?.has(event)),
    destructive: CONFIRM_EVENTS.has(event),
  };
}

export function needsDialog(needs: EventNeeds): boolean {
  return (
    needs.reason ||
    needs.optionalReason ||
    needs.reasonCode ||
    needs.freeReasonCode ||
    needs.reference ||
    needs.scheduledAt ||
    needs.confirm
  );
}

/** START_EVALUATION → "Start evaluation", the fallback label for events without a translation. */
export function humanizeEvent(event: string): string {
  const words = event.toLowerCase().split("_");
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(" ");
}
