import { registerEnumType } from "type-graphql";

/** Who acted or is asking, as history, audit and `viewer` show it. */
export enum ActorKind {
  STAFF = "STAFF",
  PARTNER = "PARTNER",
  PARTNER_USER = "PARTNER_USER",
  SYSTEM = "SYSTEM",
  ANONYMOUS = "ANONYMOUS",
}
registerEnumType(ActorKind, {
  name: "ActorKind",
  description:
    "The kind of principal: a staff user, a partner's API key or user, the system's workers, or nobody signed in.",
  valuesConfig: {
    STAFF: { description: "A staff user of the operator (console, JWT)." },
    PARTNER: { description: "A partner organisation's API key." },
    PARTNER_USER: { description: "A partner organisation's own user (console login), scoped as its organisation." },
    SYSTEM: { description: "The workers (reminders, expirations, statistics)." },
    ANONYMOUS: { description: "No credentials (only `viewer` and `login` answer it)." },
  },
});
