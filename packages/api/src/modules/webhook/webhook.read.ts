import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { NotCompiled } from "../../platform/read-compiler/selection.js";
import { deliveryWhere } from "./webhook.resolver.js";
import { WebhookDeliverySortField, type WebhookDeliveryFilter } from "./webhook.inputs.js";
import { WebhookEventType } from "./webhook.enums.js";

/**
 * The GraphQL name of a stored event type ("order.issued" → ORDER_ISSUED), as the enum
 * registered with type-graphql serialises it: the compiled JSON skips graphql-js' serialisers.
 */
const EVENT_TYPE_NAMES = new Map<string, string>(
  Object.entries(WebhookEventType).map(([name, value]) => [value, name]),
);
const eventTypeName = (value: unknown): string => {
  const name = EVENT_TYPE_NAMES.get(value as string);
  if (!name) throw new NotCompiled(`webhook event type ${String(value)}`);
  return name;
};

type EventRow = { type: string; occurredAt: Date; objectType: string; objectId: string } | null;

/** The delivery's event, read as the resolver reads it (its loader throws when it is missing: so do we, to the resolvers). */
const eventOf = (row: Record<string, unknown>): NonNullable<EventRow> => {
  const event = row.event as EventRow;
  if (!event) throw new NotCompiled("webhook event missing");
  return event;
};
const fromEvent = (map: (e: NonNullable<EventRow>) => unknown) => ({
  needs: [] as string[],
  rows: {
    event: {
      relation: { type: "WebhookEvent", parentKey: "event", childKey: "id" },
      props: ["type", "occurredAt", "objectType", "objectId"],
    },
  },
  map: (row: Record<string, unknown>) => map(eventOf(row)),
});

/**
 * Webhook endpoints and deliveries on the compiled read path: `webhookEndpoints`,
 * `webhookDeliveries`. The signing secret (hidden, lazy, in no GraphQL type) is never
 * selected; who sees which rows is the webhook scope rules, who may ask the resolvers'
 * @Authorized("OPERATOR", "PARTNER"). A delivery's event facts come from its event row
 * through the event's own scope rule, as the resolver's loader reads them.
 */
export function registerWebhookReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "WebhookEndpoint",
    entity: "WebhookEndpoint",
    columns: [
      "id",
      "url",
      "description",
      "active",
      "consecutiveFailureSince",
      "disabledAt",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      organizationId: { needs: ["organization"], map: (e) => e.organization },
      events: { needs: ["events"], map: (e) => (e.events as string[]).map(eventTypeName) },
    },
  });
  // Not a GraphQL type: the event row a delivery's computed fields read.
  hooks.add(READ_TYPES, { type: "WebhookEvent", entity: "WebhookEvent", columns: [] });
  hooks.add(READ_TYPES, {
    type: "WebhookDelivery",
    entity: "WebhookDelivery",
    columns: [
      "id",
      "status",
      "attempts",
      "nextAttemptAt",
      "lastStatusCode",
      "lastError",
      "deliveredAt",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      eventId: { needs: ["event"], map: (d) => d.event },
      endpointId: { needs: ["endpoint"], map: (d) => d.endpoint },
      eventType: fromEvent((e) => eventTypeName(e.type)),
      occurredAt: fromEvent((e) => e.occurredAt),
      objectType: fromEvent((e) => e.objectType),
      objectId: fromEvent((e) => e.objectId),
    },
    relations: { endpoint: { type: "WebhookEndpoint", parentKey: "endpoint", childKey: "id" } },
  });
  hooks.add(READ_ROOTS, {
    field: "webhookEndpoints",
    kind: "connection",
    type: "WebhookEndpoint",
    // WebhookEndpointResolver.webhookEndpoints' condition and order.
    where: (_em, args) => {
      const organizationId = (args.organizationId ?? null) as string | null;
      return Promise.resolve(() => (organizationId ? { organization: organizationId } : {}) as never);
    },
    sort: () => ({ field: "createdAt", direction: SortDirection.ASC }),
  });
  hooks.add(READ_ROOTS, {
    field: "webhookDeliveries",
    kind: "connection",
    type: "WebhookDelivery",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as WebhookDeliveryFilter | null;
      return Promise.resolve(() => deliveryWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: WebhookDeliverySortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? WebhookDeliverySortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
