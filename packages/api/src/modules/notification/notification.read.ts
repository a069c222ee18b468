import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { notificationWhere, type NotificationFilter } from "./notification.resolver.js";

/**
 * The outbox on the compiled read path: `notifications`. Who sees which message is the
 * Notification scope rule (notification.scope.ts: a partner its organisation's, a VISITOR
 * the messages sent to them), and who may ask at all the resolver's @Authorized roles
 * (BILLING and REVIEWER are refused): the compiler applies both, declared once there.
 */
export function registerNotificationReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Notification",
    entity: "Notification",
    columns: [
      "id",
      "channel",
      "recipient",
      "template",
      "language",
      "subject",
      "body",
      "dedupeKey",
      "status",
      "attempts",
      "lastError",
      "providerMessageId",
      "organizationId",
      "patientId",
      "relatedType",
      "relatedId",
      "recipientTimeZone",
      "sendAfter",
      "sentAt",
      "version",
      "createdAt",
      "updatedAt",
    ],
  });
  hooks.add(READ_ROOTS, {
    field: "notifications",
    kind: "connection",
    type: "Notification",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as NotificationFilter | null;
      return Promise.resolve(() => notificationWhere(filter) as never);
    },
    sort: () => ({ field: "createdAt", direction: SortDirection.DESC }),
  });
}
