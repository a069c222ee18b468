import { describe, expect, it } from "vitest";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from "graphql";
import { apiSchema } from "../../app.js";

// Issue 21 item 3: a typed client gets the strictest type the value allows. The rules read
// field names, so a new field named like money, an identifier, a count or a closed set is
// held to them without anyone listing it here.

/** Amounts in a currency: the Money scalar (exactly the currency's minor digits). */
const MONEY =
  /^(amount|fee|deductible|deductibleApplied|deductibleRemaining|covered|payable|gross|patientShare|discount|discountTotal|unitPrice|scheduleUnitPrice|approvedAmount|annualLimit|perClaimLimit|annualRemaining|annualUsed|patient|insurer|total|receivedPatient|receivedInsurer|outstandingPatient|outstandingInsurer)$/;
/** Shares and multipliers: the Rate scalar (one fixed precision). */
const RATE = /^(coverageRate|factor|maxDiscountRate)$/;
/** Identifiers of rows. */
const IDENTIFIER = /^(id|\w+Id)$/;
/** Named like identifiers, but values people write or read, not rows: no ID. */
const NOT_ROWS = /^(taxId|nationalId|requestId)$/;
const IDENTIFIERS = /^\w+Ids$/;
/** ISO 4217 codes: the Currency scalar (the standard's codes, upper case, checked on the way in). */
const CURRENCY = /^(currency|\w+Currency)$/;
/**
 * Values from a closed set: kinds, statuses (an entity's own and a history's from/to), events,
 * roles, the type of the row an audit, history or notice row is about.
 */
const CLOSED =
  /^(kind|\w+Kind|status|\w+Status|event|role|roles|scheme|channel|method|payer|language|entityType|relatedType)$/;
/** Counts and sizes. */
const COUNT = /^(size|\w+Count|count)$/;

/**
 * Fields whose name matches a rule but whose value is not what the rule is about, each with
 * the reason. Keep it short: a new entry needs as good a reason as these.
 */
const EXCEPTIONS: Record<string, string> = {
  "Viewer.roles": "staff roles or the partner's organisation kind: two enums in one list",
  "MonthlyStatisticsRecompute.jobId": "a queue job id, not a row (BullMQ ids are free strings)",
  "Notification.providerMessageId": "the SMS/e-mail provider's own message id",
  "RecordPaymentInput.idempotencyKey": "not an identifier of a row",
  "Query.node": "not a field value",
};

type AnyField = GraphQLField<unknown, unknown> | GraphQLInputField;

function fieldsOf(schema: GraphQLSchema): Array<[string, AnyField]> {
  const out: Array<[string, AnyField]> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
      for (const field of Object.values(type.getFields())) out.push([`${type.name}.${field.name}`, field]);
  }
  return out;
}

export function looseTypes(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [path, field] of fieldsOf(schema)) {
    if (path in EXCEPTIONS) continue;
    const name = path.slice(path.indexOf(".") + 1);
    const type = getNamedType(field.type);
    const want = (expected: string) => {
      if (type.name !== expected) problems.push(`${path}: ${type.name}, expected ${expected}`);
    };
    if (MONEY.test(name) && ["String", "Float", "Int"].includes(type.name)) want("Money");
    else if (CURRENCY.test(name)) want("Currency");
    else if (RATE.test(name)) want("Rate");
    else if ((IDENTIFIER.test(name) || IDENTIFIERS.test(name)) && !NOT_ROWS.test(name)) want("ID");
    else if (CLOSED.test(name) && !isEnumType(type)) problems.push(`${path}: ${type.name}, expected an enum`);
    else if (COUNT.test(name)) want("Int");
  }
  return problems;
}

describe("schema types", () => {
  it("types money as Money, rates as Rate, identifiers as ID, closed sets as enums and sizes as Int", async () => {
    const problems = looseTypes(await apiSchema());
    expect(problems, `loose types:\n${problems.join("\n")}`).toEqual([]);
  });
});
