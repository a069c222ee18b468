import type { Translate } from "./history";

/** AuditEvent.entityType (Order, Visit…) → the console resource that shows it. */
export const RESOURCE_OF_ENTITY: Record<string, string> = {
  Order: "orders",
  Visit: "visits",
  Claim: "claims",
  Case: "cases",
  Patient: "patients",
  Policy: "policies",
  Organization: "organizations",
  User: "users",
  ApiKey: "apiKeys",
  WebhookEndpoint: "webhookEndpoints",
  ServiceCode: "serviceCodes",
  WorkCalendar: "workCalendars",
};

/** Entity types with a page but no batched reference read: linked by their type's name. */
export const PAGE_OF_ENTITY: Record<string, string> = { Document: "documents" };

/**
 * An audit action in words: "order.transition.APPROVE" → "Order: approved" through the
 * history's past tense; "claim.setLines" → "Claim: lines set". The action's own key
 * (clinigraph.audit.actions.<verb>) names the rest; an unknown verb reads as words.
 */
export function auditActionText(action: string, entityType: string, translate: Translate): string {
  const [, ...rest] = action.split(".");
  const resource = RESOURCE_OF_ENTITY[entityType];
  const subject = resource
    ? translate(`resources.${resource}.name`, { smart_count: 1 })
    : translate(`clinigraph.enums.EntityType.${entityType}`, { _: entityType });
  let verb: string;
  if (rest[0] === "transition" && rest[1]) {
    verb = translate(`clinigraph.history.done.${rest[1]}`, { _: rest[1] });
  } else {
    const key = rest.join(".") || action;
    verb = translate(`clinigraph.audit.actions.${key}`, {
      _: key
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .replace(/\./g, " ")
        .toLowerCase(),
    });
  }
  return translate("clinigraph.audit.action", { subject, verb });
}

export interface ChangeLine {
  field: string;
  before: string | null;
  after: string;
  /** when the value is a list of names (`fields: ["email"]`), the names themselves */
  names?: string[];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(text).join(", ");
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${text(v)}`)
    .join(", ");
}

/**
 * The `changes` JSON of an audit row as field lines: `{ status: { from, to } }` reads
 * "status: before → after"; any other value is what the field became.
 */
export function auditChangeLines(changes: unknown): ChangeLine[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => {
    if (value && typeof value === "object" && !Array.isArray(value) && ("from" in value || "to" in value)) {
      const { from, to } = value as { from?: unknown; to?: unknown };
      return { field, before: text(from), after: text(to) };
    }
    if (Array.isArray(value) && value.every((v) => typeof v === "string"))
      return { field, before: null, after: text(value), names: value as string[] };
    return { field, before: null, after: text(value) };
  });
}
