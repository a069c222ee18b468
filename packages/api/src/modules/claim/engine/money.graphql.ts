import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { Field, UseMiddleware, type FieldOptions } from "type-graphql";
import { Decimal } from "decimal.js";
import type { AppContext } from "../../../platform/graphql/context.js";
import { TopLevelErrorCode } from "../../../platform/errors/top-level.errors.js";
import { isSupportedCurrency, money } from "./money.js";

// How money and rates look on the wire (issue 21 item 1): one scalar each, one format each,
// whichever query or mutation shows the value.

/** Digits of every rate the API shows: coverage rates and modifier factors. */
export const RATE_DIGITS = 4;

const DECIMAL = /^-?\d+(\.\d+)?$/;

function stringInput(name: string, example: string) {
  const refuse = (got: string) =>
    new GraphQLError(`${name} is a decimal string such as "${example}", not ${got}.`, {
      extensions: { code: TopLevelErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  return {
    parseValue(value: unknown): string {
      if (typeof value !== "string") throw refuse(value === null ? "null" : `a ${typeof value}`);
      return value;
    },
    parseLiteral(ast: ValueNode): string {
      if (ast.kind !== Kind.STRING) throw refuse(`a ${ast.kind.toLowerCase()} literal`);
      return ast.value;
    },
  };
}

export const MoneyScalar = new GraphQLScalarType({
  name: "Money",
  description:
    'An amount in the currency named beside it, as a decimal string with exactly that currency\'s minor-unit digits (ISO 4217): EUR "120.50", CLP and IRR "121500". Never a float. As input: digits with an optional fraction of at most the currency\'s minor digits ("120", "120.5", "120.50"); no exponent, sign "+", spaces or separators. A string in the wrong format for its currency is answered as a userError on that field (INVALID_AMOUNT, TOO_MANY_DECIMALS, VALIDATION_FAILED); a JSON number is a malformed request (HTTP 400).',
  serialize(value: unknown): string {
    if (typeof value !== "string" || !DECIMAL.test(value)) throw new Error(`Money must be a decimal string.`);
    return value;
  },
  ...stringInput("Money", "120.50"),
});

export const RateScalar = new GraphQLScalarType({
  name: "Rate",
  description: `A share or a multiplier as a decimal string with exactly ${RATE_DIGITS} decimals: coverage rates 0..1 ("0.7000"), modifier factors ("1.5000"). As input: at most ${RATE_DIGITS} decimals ("0.7", "0.70", "0.7000"); out-of-range or malformed values are answered as a userError on that field.`,
  serialize(value: unknown): string {
    if (typeof value !== "string" || !DECIMAL.test(value)) throw new Error(`Rate must be a decimal string.`);
    return formatRate(value);
  },
  ...stringInput("Rate", "0.7000"),
});

/**
 * ISO 4217 codes as one scalar rather than an enum: the codes are the standard's (a new
 * operator's currency needs no schema change), and a typed client still gets one named type.
 * Stricter than graphql-scalars' Currency, which accepts "eur": upper case, and a code the
 * runtime knows the minor unit of, the same rule as the claim engine's.
 */
export const CurrencyScalar = new GraphQLScalarType({
  name: "Currency",
  description:
    'An ISO 4217 currency code in upper case, e.g. "CLP", "EUR", "BGN", "CNY", "IRR", "USD". It fixes the minor-unit digits of every Money amount beside it (CLP and IRR 0, EUR 2). An unknown or lower-case code is a malformed request (HTTP 400, BAD_USER_INPUT).',
  specifiedByURL: "https://www.iso.org/iso-4217-currency-codes.html",
  serialize(value: unknown): string {
    if (!isSupportedCurrency(value)) throw new Error(`Currency must be an ISO 4217 code.`);
    return value;
  },
  parseValue(value: unknown): string {
    if (!isSupportedCurrency(value)) throw refuseCurrency(value);
    return value;
  },
  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING || !isSupportedCurrency(ast.value))
      throw refuseCurrency(ast.kind === Kind.STRING ? ast.value : `a ${ast.kind.toLowerCase()} literal`);
    return ast.value;
  },
});

function refuseCurrency(value: unknown): GraphQLError {
  return new GraphQLError(
    `Currency is an upper-case ISO 4217 code such as "EUR", not ${typeof value === "string" ? `"${value}"` : String(value)}.`,
    { extensions: { code: TopLevelErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
  );
}

/** The one format of a rate: exactly RATE_DIGITS decimals. */
export function formatRate(value: string): string {
  return new Decimal(value).toFixed(RATE_DIGITS, Decimal.ROUND_HALF_UP);
}

/** A MoneyField's value on the way out: in its currency's minor digits when it has one (the compiled read path uses it too). */
export function moneyOut(value: unknown, currency: string | null | undefined): unknown {
  if (value == null) return value;
  return currency ? money(String(value), currency) : value;
}

type CurrencyOf<R> = (root: R, ctx: AppContext) => string | null | undefined | Promise<string | null | undefined>;

/**
 * A Money field whose value is rendered in its currency's minor digits on the way out,
 * whatever the column's scale ("50000.00" in a CLP policy reads "50000"). `currencyOf`
 * names the currency; by default the object's own `currency`.
 */
export function MoneyField<R = { currency?: string | null }>(
  options: FieldOptions & { nullable?: boolean },
  currencyOf: CurrencyOf<R> = (root) => (root as { currency?: string | null }).currency,
): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    UseMiddleware(async ({ root, context }, next) => {
      const value: unknown = await next();
      if (value == null) return value;
      return moneyOut(value, await currencyOf(root as R, context as AppContext));
    })(target, key, descriptor as never);
    Field(() => MoneyScalar, options)(target, key as string, descriptor as never);
  };
}
