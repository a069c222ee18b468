import { registerEnumType } from "type-graphql";

/**
 * The kinds of row an audit event, a status change or a notification is about, named as the
 * schema names their GraphQL type (`__typename`), so a client can go from `entityType` and
 * `entityId` to the object without a table of its own. A closed list: writing a type that is
 * not here does not compile (AuditInput, MachineDefinition, the outbox take this type).
 */
const DESCRIPTIONS = {
  ApiKey: "A partner organisation's API key.",
  Branch: "A branch of the operator.",
  Case: "A medical case (expediente).",
  Claim: "A claim.",
  Document: "A document filed on a case, visit or claim.",
  DocumentType: "A configured document type.",
  FormTemplate: "A version of a specialty's report form.",
  MonthlyStatistic: "An organisation's statistics of a month.",
  Order: "An attention order.",
  Organization: "An organisation (the operator or a partner).",
  Patient: "A patient (the insured person).",
  Policy: "An insurance policy.",
  ServiceCode: "A fee schedule entry.",
  StoredFile: "An uploaded file.",
  User: "A staff user.",
  Visit: "A field visit or an appointment.",
  WebhookDelivery: "One delivery of a webhook event.",
  WebhookEndpoint: "A partner's webhook endpoint.",
  WorkCalendar: "A work calendar.",
} as const;

export type EntityType = keyof typeof DESCRIPTIONS;
export const ENTITY_TYPES = Object.keys(DESCRIPTIONS) as EntityType[];

/** The GraphQL enum: values are the type names themselves ("Order"), as stored. */
export const EntityTypeEnum = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])) as { [K in EntityType]: K };

registerEnumType(EntityTypeEnum, {
  name: "EntityType",
  description:
    "The type of the row an audit event, a status change or a notification is about: the name of its GraphQL type (Order, Visit, Claim…), as `__typename` shows it.",
  valuesConfig: Object.fromEntries(ENTITY_TYPES.map((t) => [t, { description: DESCRIPTIONS[t] }])),
});
