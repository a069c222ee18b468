import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { MonthlyStatistic } from "./monthly-statistic.entity.js";

/**
 * The four rates supervisors rank by, each a numerator and a denominator count of a
 * MonthlyStatistic row. GraphQL, the CSV and the ranking read this table; nothing else
 * names the pairs.
 */
export enum SupervisionMeasure {
  ORDERS_FIRST_PASS = "ORDERS_FIRST_PASS",
  ORDERS_ON_TIME = "ORDERS_ON_TIME",
  CLAIMS_FIRST_PASS = "CLAIMS_FIRST_PASS",
  CLAIMS_ON_TIME = "CLAIMS_ON_TIME",
}
registerEnumType(SupervisionMeasure, {
  name: "SupervisionMeasure",
  description: "A rate that supervisors rank organisations by.",
  valuesConfig: {
    ORDERS_FIRST_PASS: { description: "Orders validated without a rejection, of the orders validated." },
    ORDERS_ON_TIME: { description: "Orders whose report came by dueAt, of the orders due." },
    CLAIMS_FIRST_PASS: { description: "Claims approved without a return, of the claims approved." },
    CLAIMS_ON_TIME: { description: "Claim delivery windows met, of the windows due." },
  },
});

type CountField = {
  [K in keyof MonthlyStatistic]-?: MonthlyStatistic[K] extends number ? K : never;
}[keyof MonthlyStatistic];

export interface MeasureDefinition {
  numerator: CountField;
  denominator: CountField;
  /** Column prefix in the CSV export. */
  csv: string;
}

export const MEASURES: Record<SupervisionMeasure, MeasureDefinition> = {
  ORDERS_FIRST_PASS: { numerator: "ordersFirstPass", denominator: "ordersValidated", csv: "orders_first_pass" },
  ORDERS_ON_TIME: { numerator: "ordersDueOnTime", denominator: "ordersDue", csv: "orders_on_time" },
  CLAIMS_FIRST_PASS: { numerator: "claimsFirstPass", denominator: "claimsApproved", csv: "claims_first_pass" },
  CLAIMS_ON_TIME: { numerator: "claimDeliveriesOnTime", denominator: "claimDeliveriesDue", csv: "claims_on_time" },
};

/** Decimal places of `ratio`; `percent` has two fewer. */
export const RATIO_DECIMALS = 4;

@ObjectType({
  description:
    "A rate kept exact: its two counts, and the quotient rounded half-up to 4 decimals (ratio) or 2 (percent); the quotients are null when the denominator is 0.",
})
export class StatisticRate {
  @Field(() => Int, { description: "The count that met the measure." })
  numerator!: number;
  @Field(() => Int, { description: "The count measured." })
  denominator!: number;
  @Field(() => String, {
    nullable: true,
    description: "numerator / denominator as a decimal string with 4 decimals, rounded half-up (e.g. 0.6667).",
  })
  ratio!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The same quotient as a percentage with 2 decimals, rounded half-up (e.g. 66.67).",
  })
  percent!: string | null;
}

/** numerator / denominator × 10^RATIO_DECIMALS rounded half-up: exact, integers only. */
function scaledQuotient(numerator: number, denominator: number): bigint {
  const d = BigInt(denominator);
  return (BigInt(numerator) * 10n ** BigInt(RATIO_DECIMALS) * 2n + d) / (2n * d);
}

/** A non-negative scaled integer written with `decimals` decimals. */
function decimal(scaled: bigint, decimals: number): string {
  const digits = scaled.toString().padStart(decimals + 1, "0");
  return `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

export function rateOf(numerator: number, denominator: number): StatisticRate {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0)
    throw new RangeError(`A rate needs non-negative integer counts, got ${numerator}/${denominator}.`);
  const rate = new StatisticRate();
  rate.numerator = numerator;
  rate.denominator = denominator;
  // One rounding: the percent is the ratio with the decimal point moved, never rounded twice.
  const scaled = denominator === 0 ? null : scaledQuotient(numerator, denominator);
  rate.ratio = scaled === null ? null : decimal(scaled, RATIO_DECIMALS);
  rate.percent = scaled === null ? null : decimal(scaled, RATIO_DECIMALS - 2);
  return rate;
}

export type Counts = Pick<MonthlyStatistic, CountField>;

export function measureOf(row: Partial<Counts>, measure: SupervisionMeasure): StatisticRate {
  const { numerator, denominator } = MEASURES[measure];
  return rateOf(row[numerator] ?? 0, row[denominator] ?? 0);
}

/** Orders two rates by their exact quotients (cross-multiplied): negative when a < b. Both need denominators. */
export function compareRates(a: StatisticRate, b: StatisticRate): number {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}
