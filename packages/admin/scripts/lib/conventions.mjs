// Conventions of our schema that plain GraphQL types do not carry: which
// String fields are money, which ID filters point at a resource without a
// matching field, which query lists the reason codes of a transition.
// Kept apart from introspect.mjs so each rule is named and tested on its own.
import { getNamedType, isEnumType, isListType, isNonNullType, isObjectType } from "graphql";

/** @typedef {import('graphql').GraphQLSchema} GraphQLSchema */
/** @typedef {import('graphql').GraphQLObjectType} GraphQLObjectType */

/**
 * Amounts travel as decimal strings beside a `currency` field (SPEC: money is
 * never a float). A String field is money when its type has `currency` and its
 * name reads as an amount; rates and codes stay plain strings.
 */
const MONEY_NAME =
  /(amount|total|gross|covered|payable|share|deductible|fee|price|discount|limit|^insurer$|^patient$|^paid$|outstanding|received)/i;

/**
 * @param {string} fieldName
 * @param {string} scalarName
 * @param {GraphQLObjectType | null} owner
 */
export function isMoneyField(fieldName, scalarName, owner) {
  if (!owner || fieldName === "currency") return false;
  const currency = owner.getFields().currency;
  if (!currency || !["String", "Currency"].includes(getNamedType(currency.type).name)) return false;
  // The API's Money scalar says so itself; older schemas only by the name.
  if (scalarName === "Money") return true;
  if (scalarName !== "String") return false;
  return MONEY_NAME.test(fieldName) && !/rate/i.test(fieldName);
}

/** AbcDef → ["Abc", "Def"] @param {string} name */
function camelWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
}

/**
 * Resolves `hospitalId`, `sourceVisitId` and the like when the owner type has
 * no `hospital`/`sourceVisit` field: first the last word of the name against
 * resource type names (sourceVisit → Visit), then the `kind` enums of resource
 * types (hospital → Organization, whose OrganizationKind has HOSPITAL).
 * @param {string} base the name without its Id/Ids suffix
 * @param {GraphQLSchema} schema
 * @param {Map<string, string>} resourceByType
 */
export function referenceByConvention(base, schema, resourceByType) {
  const words = camelWords(base);
  const last = words[words.length - 1].toLowerCase();
  for (const [typeName, resource] of resourceByType) {
    if (typeName.toLowerCase() === last) return resource;
  }
  const wanted = base.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  for (const [typeName, resource] of resourceByType) {
    const type = schema.getType(typeName);
    const kind = isObjectType(type) ? type.getFields().kind : undefined;
    const kindType = kind ? getNamedType(kind.type) : null;
    if (isEnumType(kindType) && kindType.getValues().some((v) => v.name === wanted)) return resource;
  }
  return undefined;
}

/**
 * A transition whose reasonCode is free text may still have a configured list:
 * a query without required arguments returning `[X!]!` where X has `code`,
 * whose description names the event ("The configured rejection reasons
 * (REJECT's reasonCode)").
 * @param {GraphQLSchema} schema
 * @param {string[]} events
 * @returns {{ query: string, events: string[], labels: string[] } | null}
 */
export function reasonCodeSource(schema, events) {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    const item = getNamedType(field.type);
    if (!isListType(inner) || !isObjectType(item) || !item.getFields().code) continue;
    const named = [...(field.description ?? "").matchAll(/\b([A-Z][A-Z_]+)'s reasonCode/g)].map((m) => m[1]);
    const matching = named.filter((event) => events.includes(event));
    if (!matching.length) continue;
    const labels = Object.keys(item.getFields()).filter((name) => /^label/.test(name));
    return { query: field.name, events: matching, labels };
  }
  return null;
}

/**
 * Events that carry data of their own have their own mutation, and the event's
 * description says which ("…; use saveVisitFindings."). transitionX refuses them,
 * so the console offers them through that mutation's screen, not as a plain button.
 * @param {GraphQLSchema} schema
 * @param {import('graphql').GraphQLEnumType} eventType
 * @returns {Record<string, string>}
 */
export function domainMutationEvents(schema, eventType) {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  /** @type {Record<string, string>} */
  const found = {};
  for (const value of eventType.getValues()) {
    const named = /\buse (\w+)\b/.exec(value.description ?? "")?.[1];
    if (named && mutations[named]) found[value.name] = named;
  }
  return found;
}
