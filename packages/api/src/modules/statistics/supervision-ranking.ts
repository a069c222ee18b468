import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { assertMonth } from "./monthly-statistics.service.js";
import {
  compareRates,
  type Counts,
  MEASURES,
  measureOf,
  StatisticRate,
  SupervisionMeasure,
} from "./supervision-measures.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { StatisticsErrorCode } from "./statistics.errors.js";

/** A ranking spans at most three years of months: enough for any supervision period. */
export const MAX_RANKING_MONTHS = 36;
export const MAX_RANKING_ENTRIES = 100;

@InputType({ description: "Which months to rank over, by which rate, among which organisations." })
export class SupervisionRankingInput {
  @Field({ description: "First month, inclusive (YYYY-MM)." })
  monthFrom!: string;
  @Field({ description: "Last month, inclusive (YYYY-MM); at most 36 months after monthFrom." })
  monthTo!: string;
  @Field(() => SupervisionMeasure, { description: "The rate to rank by." })
  measure!: SupervisionMeasure;
  @Field(() => OrganizationKind, { nullable: true, description: "Only organisations of this kind (e.g. AGENCY, LAB)." })
  kind?: OrganizationKind | null;
  @Field(() => Int, { nullable: true, description: "At most this many entries, from the top (1–100, default 100)." })
  first?: number | null;
}

@ObjectType({ description: "One organisation's place in a ranking, its counts summed over the months." })
export class SupervisionRankingEntry {
  @Field(() => Int, {
    description: "1 for the best rate; organisations with exactly equal rates share a rank (1, 2, 2, 4).",
  })
  rank!: number;
  @Field(() => ID, { description: "The organisation ranked." })
  organizationId!: string;
  @Field(() => Int, { description: "How many monthly rows were summed." })
  months!: number;
  @Field(() => StatisticRate, { description: "The rate ranked by." })
  measured!: StatisticRate;
  @Field(() => StatisticRate, { description: "Orders validated without a rejection, of the orders validated." })
  ordersFirstPass!: StatisticRate;
  @Field(() => StatisticRate, { description: "Orders whose report came by dueAt, of the orders due." })
  ordersOnTime!: StatisticRate;
  @Field(() => StatisticRate, { description: "Claims approved without a return, of the claims approved." })
  claimsFirstPass!: StatisticRate;
  @Field(() => StatisticRate, { description: "Claim delivery windows met, of the windows due." })
  claimsOnTime!: StatisticRate;
}

@ObjectType({ description: "Organisations ranked by one supervision rate over a range of months." })
export class SupervisionRanking {
  @Field(() => SupervisionMeasure, { description: "The rate ranked by." })
  measure!: SupervisionMeasure;
  @Field({ description: "First month, inclusive." })
  monthFrom!: string;
  @Field({ description: "Last month, inclusive." })
  monthTo!: string;
  @Field(() => Int, { description: "Organisations with something to measure (denominator above 0)." })
  totalCount!: number;
  @Field(() => [SupervisionRankingEntry], { description: "Best first; ties by the larger denominator, then id." })
  entries!: SupervisionRankingEntry[];
}

const COUNT_FIELDS = [...new Set(Object.values(MEASURES).flatMap((m) => [m.numerator, m.denominator]))];

/**
 * Sums the counts of rows that share a key. Rates are never averaged: a roll-up over months
 * (or, once organisations have branches, over a branch's organisations) sums the counts
 * and derives the rate from the sums.
 */
export function sumCounts<K>(
  rows: readonly MonthlyStatistic[],
  keyOf: (row: MonthlyStatistic) => K,
): Map<K, { counts: Partial<Counts>; months: number }> {
  const sums = new Map<K, { counts: Partial<Counts>; months: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? { counts: {}, months: 0 };
    for (const f of COUNT_FIELDS) sum.counts[f] = (sum.counts[f] ?? 0) + row[f];
    sum.months += 1;
    sums.set(key, sum);
  }
  return sums;
}

/** Ranks summed counts by one measure; keys without a denominator are left out. */
export function rank(
  sums: Map<string, { counts: Partial<Counts>; months: number }>,
  measure: SupervisionMeasure,
): SupervisionRankingEntry[] {
  const entries = [...sums].map(([organizationId, { counts, months }]) => {
    const e = new SupervisionRankingEntry();
    e.organizationId = organizationId;
    e.months = months;
    e.measured = measureOf(counts, measure);
    e.ordersFirstPass = measureOf(counts, SupervisionMeasure.ORDERS_FIRST_PASS);
    e.ordersOnTime = measureOf(counts, SupervisionMeasure.ORDERS_ON_TIME);
    e.claimsFirstPass = measureOf(counts, SupervisionMeasure.CLAIMS_FIRST_PASS);
    e.claimsOnTime = measureOf(counts, SupervisionMeasure.CLAIMS_ON_TIME);
    return e;
  });
  const measured = entries.filter((e) => e.measured.denominator > 0);
  measured.sort(
    (a, b) =>
      compareRates(b.measured, a.measured) ||
      b.measured.denominator - a.measured.denominator ||
      a.organizationId.localeCompare(b.organizationId),
  );
  measured.forEach((e, i) => {
    const previous = measured[i - 1];
    e.rank = previous && compareRates(previous.measured, e.measured) === 0 ? previous.rank : i + 1;
  });
  return measured;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The ranking over the rows the caller's (scoped) entity manager may read. */
export async function supervisionRanking(
  em: EntityManager,
  input: SupervisionRankingInput,
): Promise<SupervisionRanking> {
  assertMonth(input.monthFrom, "input.monthFrom");
  assertMonth(input.monthTo, "input.monthTo");
  const span = monthsBetween(input.monthFrom, input.monthTo);
  if (span < 1 || span > MAX_RANKING_MONTHS)
    throw new DomainError(
      StatisticsErrorCode.INVALID_MONTH_RANGE,
      `monthTo must be monthFrom or up to ${MAX_RANKING_MONTHS - 1} months after it.`,
      ["input", "monthTo"],
    );
  const first = input.first ?? MAX_RANKING_ENTRIES;
  if (!Number.isInteger(first) || first < 1 || first > MAX_RANKING_ENTRIES)
    throw new DomainError(
      PlatformErrorCode.PAGE_SIZE_OUT_OF_RANGE,
      `first must be between 1 and ${MAX_RANKING_ENTRIES}.`,
      ["input", "first"],
    );
  const rows = await em.find(MonthlyStatistic, {
    month: { $gte: input.monthFrom, $lte: input.monthTo },
    ...(input.kind ? { organization: { kind: input.kind } } : {}),
  });
  const ranked = rank(
    sumCounts(rows, (r) => refId(r.organization)!),
    input.measure,
  );
  return Object.assign(new SupervisionRanking(), {
    measure: input.measure,
    monthFrom: input.monthFrom,
    monthTo: input.monthTo,
    totalCount: ranked.length,
    entries: ranked.slice(0, first),
  });
}
