/**
 * Resource metadata produced by scripts/generate.mjs from schema.graphql.
 * The data provider and the generic views are driven only by this shape, so a
 * schema change reaches the console by regenerating, never by editing views.
 */

export type ScalarKind =
  | "id"
  | "string"
  | "int"
  | "float"
  | "boolean"
  | "datetime"
  | "date"
  | "decimal"
  /** a decimal string whose currency is the sibling field named by `currency` */
  | "money"
  | "json"
  | "email"
  | "phone";

export type FieldKind =
  | ScalarKind
  | "enum"
  /** an object with an id that belongs to another resource */
  | "reference"
  /** an object without a resource (Money, Rejection…): its scalar sub-fields are selected */
  | "object";

export interface FieldMeta {
  name: string;
  kind: FieldKind;
  list: boolean;
  required: boolean;
  /** enum values, for kind 'enum' */
  choices?: string[];
  /** the GraphQL enum's name, for translating its values (clinigraph.enums.<enumType>.<value>) */
  enumType?: string;
  /** for kind 'money': the sibling field holding the ISO 4217 currency */
  currency?: string;
  /** target resource, for kind 'reference', for `…Id` inputs and filters, and for an
   * `…Id` field the layout points at a resource */
  reference?: string;
  /** a named renderer the layout chose (liability, bankAccount, percent) */
  display?: string;
  /** sub-fields, for kind 'object' (one level deep) */
  fields?: FieldMeta[];
}

export interface SortMeta {
  /** record field the column shows, e.g. createdAt */
  source: string;
  /** enum value sent as orderBy.field, e.g. CREATED_AT */
  value: string;
}

export interface MutationMeta {
  name: string;
  inputType: string;
  /** field of the payload that carries the object, e.g. `order` in OrderPayload */
  payloadField: string;
  fields: FieldMeta[];
  /** the input takes an idempotencyKey that the provider fills */
  idempotent: boolean;
  /** the input takes expectedVersion that the provider fills from the record */
  versioned: boolean;
}

export interface TransitionMeta {
  mutation: string;
  inputType: string;
  payloadField: string;
  events: string[];
  /** which optional inputs the transition mutation accepts */
  accepts: { reason: boolean; reasonCode: boolean; reference: boolean; scheduledAt: boolean };
  /** values when reasonCode is an enum; empty when it is free text */
  reasonCodes: string[];
  /** when reasonCode is free text but a query lists the configured codes for some events */
  reasonCodeSource?: { query: string; events: string[]; labels: string[] } | null;
  /** events the transition mutation refuses because their own mutation carries their data
   * (SAVE_PRELIMINARY → saveVisitFindings): a screen of their own offers them, not the bar */
  domainEvents?: Record<string, string>;
}

export interface ResourceMeta {
  /** react-admin resource name = the connection query field, e.g. orders */
  name: string;
  typeName: string;
  listQuery: string;
  /** single-object query, e.g. order(id) */
  oneQuery: string | null;
  /** field shown when a record is referenced elsewhere */
  representation: string;
  /** from the layout: fields joined by spaces that name the record instead (first and last name) */
  representationFields?: string[];
  /** from the layout: a field shown after that name, set apart (the customer number) */
  secondaryField?: string;
  /** titled show-page sections in order (layout files); a field no layout places is in `details` */
  sections: { key: string; fields: string[] }[];
  /** fields selected by every read and shown in show views */
  fields: FieldMeta[];
  /** list columns; `case.patient` shows the patient of the row's case */
  listColumns: string[];
  filterType: string | null;
  filters: FieldMeta[];
  orderType: string | null;
  orderFieldType: string | null;
  sortable: SortMeta[];
  create: MutationMeta | null;
  update: MutationMeta | null;
  transition: TransitionMeta | null;
}

export interface SchemaMeta {
  resources: ResourceMeta[];
}
