import type { DomainModule } from "../../platform/composition/module.js";
import { Notification } from "./notification.entity.js";
import { NotificationReadResolver } from "./notification.resolver.js";
import { registerNotificationScopes } from "./notification.scope.js";
import { registerNotificationReads } from "./notification.read.js";

/** The outbox of SMS and e-mail (sent by packages/jobs), read through GraphQL. */
export const notificationModule: DomainModule = {
  name: "notification",
  entities: [Notification],
  resolvers: [NotificationReadResolver],
  register(hooks) {
    registerNotificationScopes(hooks);
    registerNotificationReads(hooks);
  },
};
