import { Decimal } from "decimal.js";
import { formatMoney } from "./engine/index.js";

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
