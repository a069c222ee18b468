// Reads a GraphQL schema and describes the console's resources (see
// src/resources/types.ts). Plain ESM with JSDoc types so that `node` runs it
// without a TypeScript loader and `tsc` still checks it.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { domainMutationEvents, isMoneyField, reasonCodeSource, referenceByConvention } from "./conventions.mjs";
import { applyLayouts } from "./layout.mjs";

/** @typedef {import('../../src/resources/types').FieldMeta} FieldMeta */
/** @typedef {import('../../src/resources/types').FieldKind} FieldKind */
/** @typedef {import('../../src/resources/types').ScalarKind} ScalarKind */
/** @typedef {import('../../src/resources/types').ResourceMeta} ResourceMeta */
/** @typedef {import('../../src/resources/types').MutationMeta} MutationMeta */
/** @typedef {import('../../src/resources/types').TransitionMeta} TransitionMeta */
/** @typedef {import('../../src/resources/types').SchemaMeta} SchemaMeta */
/** @typedef {import('graphql').GraphQLSchema} GraphQLSchema */
/** @typedef {import('graphql').GraphQLObjectType} GraphQLObjectType */
/** @typedef {import('graphql').GraphQLInputObjectType} GraphQLInputObjectType */
/** @typedef {import('graphql').GraphQLType} GraphQLType */
/** @typedef {{ schema: GraphQLSchema, resourceByType: Map<string, string> }} Context */

/** @type {Record<string, ScalarKind>} */
const SCALAR_KINDS = {
  ID: "id",
  String: "string",
  Int: "int",
  NonNegativeInt: "int",
  PositiveInt: "int",
  Float: "float",
  NonNegativeFloat: "float",
  Boolean: "boolean",
  DateTime: "datetime",
  Timestamp: "datetime",
  LocalDate: "date",
  Date: "date",
  Decimal: "decimal",
  BigDecimal: "decimal",
  JSON: "json",
  JSONObject: "json",
  EmailAddress: "email",
  PhoneNumber: "phone",
};

/** Fields a record is most recognisable by, in order of preference. */
const REPRESENTATION_CANDIDATES = ["name", "number", "code", "title", "customerNumber", "email", "label"];
/** Columns that say nothing useful in a list. */
const HIDDEN_COLUMNS = new Set(["id", "version", "updatedAt", "availableTransitions"]);
const MAX_LIST_COLUMNS = 8;
/** Columns that lead a list when the type has them, after its representation. */
const LEADING_COLUMNS = ["status", "kind", "type"];
const CREATE_PREFIXES = ["create", "register", "issue"];
/** Inputs the data provider fills itself, never shown in forms. */
const PROVIDER_FILLED_INPUTS = new Set(["id", "expectedVersion", "idempotencyKey"]);

/** @param {GraphQLType} type */
function unwrap(type) {
  let required = false;
  let current = type;
  if (isNonNullType(current)) {
    required = true;
    current = current.ofType;
  }
  // [X!]! and [X] are both "a list"; the item's own nullability does not matter to forms
  return { required, list: isListType(current), named: getNamedType(type) };
}

/** @param {string} name @returns {ScalarKind} */
function scalarKind(name) {
  return SCALAR_KINDS[name] ?? "string";
}

/** ORDER_FIELD → orderField @param {string} value */
function camelFromEnum(value) {
  return value.toLowerCase().replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/**
 * Finds the resource that a `fooId` / `fooIds` input or filter points at:
 * first through the owner type's `foo` field, then by a type named `Foo`.
 * @param {string} fieldName
 * @param {GraphQLObjectType | null} owner
 * @param {Context} ctx
 */
function referenceFor(fieldName, owner, ctx) {
  const { resourceByType } = ctx;
  const match = /^(.+?)Ids?$/.exec(fieldName);
  if (!match) return undefined;
  const base = match[1];
  const ownerField = owner?.getFields()[base];
  if (ownerField) {
    const byField = resourceByType.get(getNamedType(ownerField.type).name);
    if (byField) return byField;
  }
  for (const [typeName, resource] of resourceByType) {
    if (typeName.toLowerCase() === base.toLowerCase()) return resource;
  }
  return referenceByConvention(base, ctx.schema, resourceByType);
}

/**
 * @param {string} name
 * @param {GraphQLType} type
 * @param {GraphQLObjectType} owner
 * @param {Context} ctx
 * @returns {FieldMeta | null}
 */
function describeOutput(name, type, owner, ctx) {
  const { resourceByType } = ctx;
  const { required, list, named } = unwrap(type);
  if (isScalarType(named)) {
    if (!list && isMoneyField(name, named.name, owner))
      return { name, kind: "money", list, required, currency: "currency" };
    return { name, kind: scalarKind(named.name), list, required };
  }
  if (isEnumType(named)) return describeEnum(name, named, list, required);
  if (!isObjectType(named) || list) return null;
  const reference = resourceByType.get(named.name);
  if (reference && named.getFields().id) return { name, kind: "reference", list, required, reference };
  /** @type {FieldMeta[]} */
  const fields = [];
  for (const sub of Object.values(named.getFields())) {
    const { named: subNamed, list: subList } = unwrap(sub.type);
    if (sub.args.some((a) => isNonNullType(a.type)) || subList) continue;
    if (isScalarType(subNamed) || isEnumType(subNamed)) {
      const described = describeOutput(sub.name, sub.type, named, ctx);
      if (described) fields.push(described);
    }
  }
  return fields.length ? { name, kind: "object", list, required, fields } : null;
}

/**
 * @param {string} name
 * @param {GraphQLType} type
 * @param {GraphQLObjectType | null} owner
 * @param {Context} ctx
 * @returns {FieldMeta}
 */
function describeInput(name, type, owner, ctx) {
  const { required, list, named } = unwrap(type);
  if (isEnumType(named)) return describeEnum(name, named, list, required);
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields()).map((f) => describeInput(f.name, f.type, null, ctx));
    return { name, kind: "object", list, required, fields };
  }
  const kind = scalarKind(named.name);
  if (kind === "id") {
    const reference = referenceFor(name, owner, ctx);
    if (reference) return { name, kind: "reference", list, required, reference };
  }
  return { name, kind, list, required };
}

/**
 * @param {string} name
 * @param {import('graphql').GraphQLEnumType} type
 * @param {boolean} list
 * @param {boolean} required
 * @returns {FieldMeta}
 */
function describeEnum(name, type, list, required) {
  return { name, kind: "enum", list, required, enumType: type.name, choices: type.getValues().map((v) => v.name) };
}

/**
 * Representation first, then status/kind, then the rest in schema order;
 * `fooId` is dropped when `foo` already shows the reference, `currency` when
 * a money column shows it.
 * @param {FieldMeta[]} fields
 * @param {string} representation
 */
function listColumnsOf(fields, representation) {
  const references = new Set(fields.filter((f) => f.kind === "reference").map((f) => `${f.name}Id`));
  // money columns already show their currency
  const currencies = new Set(fields.filter((f) => f.kind === "money").map((f) => f.currency));
  const candidates = fields.filter(
    (f) =>
      !f.list && !HIDDEN_COLUMNS.has(f.name) && f.kind !== "json" && !references.has(f.name) && !currencies.has(f.name),
  );
  const rank = (/** @type {FieldMeta} */ f) =>
    f.name === representation ? 0 : LEADING_COLUMNS.includes(f.name) ? 1 + LEADING_COLUMNS.indexOf(f.name) : 10;
  return candidates
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .slice(0, MAX_LIST_COLUMNS)
    .map(({ f }) => f.name);
}

/**
 * @param {GraphQLSchema} schema
 * @param {string} mutationName
 * @param {GraphQLObjectType} objectType
 * @returns {{ inputType: GraphQLInputObjectType, payloadField: string } | null}
 */
function mutationShape(schema, mutationName, objectType) {
  const mutation = schema.getMutationType()?.getFields()[mutationName];
  const inputArg = mutation?.args.find((a) => a.name === "input");
  if (!mutation || !inputArg) return null;
  const inputType = getNamedType(inputArg.type);
  const payload = getNamedType(mutation.type);
  if (!isInputObjectType(inputType) || !isObjectType(payload)) return null;
  const payloadField = Object.values(payload.getFields()).find((f) => getNamedType(f.type) === objectType);
  return payloadField ? { inputType, payloadField: payloadField.name } : null;
}

/**
 * @param {GraphQLSchema} schema
 * @param {string} mutationName
 * @param {GraphQLObjectType} objectType
 * @param {Context} ctx
 * @returns {MutationMeta | null}
 */
function describeMutation(schema, mutationName, objectType, ctx) {
  const shape = mutationShape(schema, mutationName, objectType);
  if (!shape) return null;
  const inputFields = shape.inputType.getFields();
  return {
    name: mutationName,
    inputType: shape.inputType.name,
    payloadField: shape.payloadField,
    fields: Object.values(inputFields)
      .filter((f) => !PROVIDER_FILLED_INPUTS.has(f.name))
      .map((f) => describeInput(f.name, f.type, objectType, ctx)),
    idempotent: "idempotencyKey" in inputFields,
    versioned: "expectedVersion" in inputFields,
  };
}

/**
 * @param {GraphQLSchema} schema
 * @param {GraphQLObjectType} objectType
 * @returns {TransitionMeta | null}
 */
function describeTransition(schema, objectType) {
  if (!objectType.getFields().availableTransitions) return null;
  const mutationName = `transition${objectType.name}`;
  const shape = mutationShape(schema, mutationName, objectType);
  if (!shape) return null;
  const input = shape.inputType.getFields();
  const eventType = input.event ? getNamedType(input.event.type) : null;
  const reasonCodeType = input.reasonCode ? getNamedType(input.reasonCode.type) : null;
  const events = isEnumType(eventType) ? eventType.getValues().map((v) => v.name) : [];
  const reasonCodes = isEnumType(reasonCodeType) ? reasonCodeType.getValues().map((v) => v.name) : [];
  const domainEvents = isEnumType(eventType) ? domainMutationEvents(schema, eventType) : {};
  return {
    mutation: mutationName,
    inputType: shape.inputType.name,
    payloadField: shape.payloadField,
    events,
    accepts: {
      reason: "reason" in input,
      reasonCode: "reasonCode" in input,
      reference: "reference" in input,
      scheduledAt: "scheduledAt" in input,
    },
    reasonCodes,
    reasonCodeSource: input.reasonCode && !reasonCodes.length ? reasonCodeSource(schema, events) : null,
    ...(Object.keys(domainEvents).length ? { domainEvents } : {}),
  };
}

/**
 * Query fields returning `XConnection` (with `nodes: [X]`) define the resources.
 * @param {GraphQLSchema} schema
 */
function findConnections(schema) {
  const query = schema.getQueryType();
  if (!query) return [];
  /** @type {{ field: import('graphql').GraphQLField<unknown, unknown>, nodeType: GraphQLObjectType }[]} */
  const found = [];
  for (const field of Object.values(query.getFields())) {
    const connection = getNamedType(field.type);
    if (!isObjectType(connection) || !connection.name.endsWith("Connection")) continue;
    const nodes = connection.getFields().nodes;
    const nodeType = nodes ? getNamedType(nodes.type) : null;
    if (isObjectType(nodeType)) found.push({ field, nodeType });
  }
  return found.sort((a, b) => a.field.name.localeCompare(b.field.name));
}

/**
 * @param {GraphQLSchema} schema
 * @param {Record<string, import('./layout.mjs').Layout>} [layouts] page layouts by resource name
 * @returns {SchemaMeta}
 */
export function describeSchema(schema, layouts = {}) {
  const connections = findConnections(schema);
  const resourceByType = new Map(connections.map((c) => [c.nodeType.name, c.field.name]));
  /** @type {Context} */
  const ctx = { schema, resourceByType };
  const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});

  const resources = connections.map(({ field, nodeType }) => {
    /** @type {FieldMeta[]} */
    const fields = [];
    for (const f of Object.values(nodeType.getFields())) {
      if (f.args.some((a) => isNonNullType(a.type))) continue;
      const described = describeOutput(f.name, f.type, nodeType, ctx);
      if (described) fields.push(described);
    }
    const fieldNames = new Set(fields.map((f) => f.name));
    const representation = REPRESENTATION_CANDIDATES.find((c) => fieldNames.has(c)) ?? "id";
    const listColumns = listColumnsOf(fields, representation);

    const filterArg = field.args.find((a) => a.name === "filter");
    const filterType = filterArg ? getNamedType(filterArg.type) : null;
    const filters = isInputObjectType(filterType)
      ? Object.values(filterType.getFields()).map((f) => describeInput(f.name, f.type, nodeType, ctx))
      : [];

    const orderArg = field.args.find((a) => a.name === "orderBy");
    const orderType = orderArg ? getNamedType(orderArg.type) : null;
    const orderFieldType =
      isInputObjectType(orderType) && orderType.getFields().field
        ? getNamedType(orderType.getFields().field.type)
        : null;
    const sortable = isEnumType(orderFieldType)
      ? orderFieldType.getValues().map((v) => ({ source: camelFromEnum(v.name), value: v.name }))
      : [];

    const oneQuery = queryFields.find(
      (q) => getNamedType(q.type) === nodeType && q.args.length === 1 && q.args[0].name === "id",
    );
    const createName = CREATE_PREFIXES.map((p) => `${p}${nodeType.name}`).find(
      (name) => schema.getMutationType()?.getFields()[name],
    );
    /** @type {ResourceMeta} */
    const resource = {
      name: field.name,
      typeName: nodeType.name,
      listQuery: field.name,
      oneQuery: oneQuery?.name ?? null,
      representation,
      fields,
      listColumns,
      filterType: filterType?.name ?? null,
      filters,
      orderType: orderType?.name ?? null,
      orderFieldType: orderFieldType?.name ?? null,
      sortable,
      create: createName ? describeMutation(schema, createName, nodeType, ctx) : null,
      update: describeMutation(schema, `update${nodeType.name}`, nodeType, ctx),
      transition: describeTransition(schema, nodeType),
      sections: [],
    };
    return resource;
  });
  applyLayouts(resources, layouts);
  return { resources };
}
