import { Decimal } from "decimal.js";
import { ClaimEngineError, ClaimEngineErrorCode } from "./claim-engine.error.js";

// The one money module: parsing, rounding and rendering amounts in a currency, for the
// claim engine and every module that shows or sums money (claims, eligibility, payments,
// orders, the seed). Storage is platform/db/decimal-string.type.ts (numeric ⇄ string).

/**
 * Our own Decimal constructor so nobody else's global Decimal.set() can change our
 * results. 64 significant digits hold any product of the bounded inputs below
 * without intermediate rounding; the only rounding is the explicit half-up
 * rounding to the currency's minor unit.
 */
export const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Integer digits accepted in a money string: enough for large IRR amounts, small enough to catch garbage. */
export const MAX_INTEGER_DIGITS = 15;

const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

const minorDigitsCache = new Map<string, number>();

/**
 * An upper-case ISO 4217 code whose minor unit the runtime knows: the one rule the Currency
 * scalar (money.graphql.ts) and the engine share, so a code the API accepts is one every
 * amount can be rendered in.
 */
export function isSupportedCurrency(currency: unknown): currency is string {
  return (
    typeof currency === "string" && /^[A-Z]{3}$/.test(currency) && Intl.supportedValuesOf("currency").includes(currency)
  );
}

/**
 * Minor-unit digits of an ISO 4217 currency, from the runtime's CLDR data
 * (EUR/USD/BGN/CNY 2, CLP 0, IRR 0, BHD 3, CLF 4). Unknown codes are refused rather
 * than defaulted, because a wrong scale silently changes every amount.
 */
export function currencyMinorDigits(currency: string): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isSupportedCurrency(currency)) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.UNSUPPORTED_CURRENCY,
      `Unsupported currency "${currency}"; expected an ISO 4217 code such as EUR.`,
      ["currency"],
    );
  }
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  const result = digits ?? 2;
  minorDigitsCache.set(currency, result);
  return result;
}

/**
 * Parses a money string in `currency`. Accepts an optional minus, digits, and an
 * optional fraction of at most the currency's minor digits ("12", "12.5", "12.50");
 * refuses exponent notation, "NaN", "Infinity", a leading "+", ".5", "5." and
 * surrounding spaces, so what the client sent is exactly what we compute with.
 */
export function parseMoney(value: string, currency: string, field: string[] = []): Dec {
  const digits = currencyMinorDigits(currency);
  const match = typeof value === "string" ? MONEY_PATTERN.exec(value) : null;
  if (!match) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.INVALID_AMOUNT,
      `"${String(value)}" is not a decimal amount (expected digits with an optional fraction, e.g. "120.50").`,
      field,
    );
  }
  const [, , integerPart = "", fraction = ""] = match;
  if (fraction.length > digits) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.TOO_MANY_DECIMALS,
      `"${value}" has ${fraction.length} decimals; ${currency} allows at most ${digits}.`,
      field,
    );
  }
  if (integerPart.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.AMOUNT_TOO_LARGE,
      `"${value}" has more than ${MAX_INTEGER_DIGITS} integer digits.`,
      field,
    );
  }
  const amount = new Dec(value);
  // "-0" would otherwise keep its sign and print as "-0.00".
  return amount.isZero() ? new Dec(0) : amount;
}

/**
 * For amounts stored at a fixed scale (fees, deductibles, limits: two decimals whatever the
 * currency): digits below the currency's minor unit must be zeros, so what is stored is what
 * every query shows. "35000.00" is 35000 CLP; "35000.50" is refused (TOO_MANY_DECIMALS)
 * instead of being shown as "35001". Amounts already checked for their format only.
 */
export function assertMinorUnit(value: string | null | undefined, currency: string, field: string[]): void {
  if (value == null) return;
  const fraction = /\.(\d+)$/.exec(value)?.[1] ?? "";
  const digits = currencyMinorDigits(currency);
  if (/[1-9]/.test(fraction.slice(digits)))
    throw new ClaimEngineError(
      ClaimEngineErrorCode.TOO_MANY_DECIMALS,
      `"${value}" has ${fraction.length} decimals; ${currency} allows at most ${digits}.`,
      field,
    );
}

/** Like parseMoney, but the amount must not be negative. */
export function parseNonNegativeMoney(value: string, currency: string, field: string[]): Dec {
  const amount = parseMoney(value, currency, field);
  if (amount.isNegative()) {
    throw new ClaimEngineError(ClaimEngineErrorCode.NEGATIVE_AMOUNT, `"${value}" must not be negative.`, field);
  }
  return amount;
}

/** Rounds half-up (away from zero on ties) to the currency's minor unit. */
export function roundToMinor(amount: Dec, currency: string): Dec {
  return amount.toDecimalPlaces(currencyMinorDigits(currency), Dec.ROUND_HALF_UP);
}

/** Renders with exactly the currency's minor digits ("100.40", CLP "1000"). */
export function formatMoney(amount: Dec, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const rounded = amount.toDecimalPlaces(digits, Dec.ROUND_HALF_UP);
  return (rounded.isZero() ? new Dec(0) : rounded).toFixed(digits);
}

// Stored amounts: the numeric columns (platform/db/decimal-string.type.ts) as clients and the
// engine's parseMoney see them. They keep decimal.js's default Decimal, as they always had.

/**
 * Renders a stored amount (Postgres pads numerics to the column's scale: "120.5000",
 * policy deductibles in CLP come back as "50000.00") with exactly the currency's minor
 * digits, which is what the engine's parseMoney accepts and what clients see.
 */
export function money(value: string | null | undefined, currency: string): string {
  return formatMoney(new Decimal(value ?? "0"), currency);
}

export function moneyOrNull(value: string | null | undefined, currency: string): string | null {
  return value == null ? null : money(value, currency);
}

export function sumMoney(values: readonly string[], currency: string): string {
  return formatMoney(
    values.reduce((acc, v) => acc.plus(v), new Decimal(0)),
    currency,
  );
}

export function subtractMoney(a: string, b: string, currency: string): string {
  return formatMoney(new Decimal(a).minus(b), currency);
}

export function compareMoney(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}
