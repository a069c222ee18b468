import { Field, ID, Int, ObjectType } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { MonthlyStatistic } from "../statistics/monthly-statistic.entity.js";
import { MoneyField, CurrencyScalar } from "../claim/engine/money.graphql.js";
import { measureOf, StatisticRate, SupervisionMeasure, type Counts } from "../statistics/supervision-measures.js";
import { assertMonth } from "../statistics/monthly-statistics.service.js";
import { Branch } from "../organization/branch.entity.js";

/** The counts that add up across organisations (medians and percentiles do not, so they are left out). */
export const BRANCH_COUNTS = [
  "ordersIssued",
  "ordersConfirmed",
  "ordersValidated",
  "ordersRejected",
  "ordersExpired",
  "ordersVoided",
  "ordersFirstPass",
  "ordersDue",
  "ordersDueOnTime",
  "claimsRegistered",
  "claimsSubmitted",
  "claimsSubmittedOnTime",
  "claimsReturned",
  "claimsApproved",
  "claimsFirstPass",
  "claimDeliveriesDue",
  "claimDeliveriesOnTime",
  "visitsCompleted",
] as const satisfies readonly (keyof Counts)[];

@ObjectType({
  description:
    "One branch's figures for one month: the sums of the monthly statistics of the organisations under its coverage (head office: those under none), with the rates derived from the sums.",
})
export class BranchMonthlyStatistic {
  @Field(() => ID, { nullable: true, description: "The branch; null for organisations under no branch (head office)." })
  branchId!: string | null;
  @Field(() => Branch, { nullable: true, description: "The branch; null for head office." })
  branch!: Branch | null;
  @Field({ description: "The month, YYYY-MM." })
  month!: string;
  @Field(() => Int, { description: "Organisations whose figures are summed." })
  organizations!: number;
  @MoneyField({
    nullable: true,
    description: "Sum of approvedAmount when every summed row has one currency; null otherwise.",
  })
  approvedAmount!: string | null;
  @Field(() => CurrencyScalar, { nullable: true, description: "ISO-4217 currency of approvedAmount." })
  currency!: string | null;
  @Field(() => StatisticRate, { description: "First-pass rate of orders over the branch." })
  ordersFirstPassRate!: StatisticRate;
  @Field(() => StatisticRate, { description: "On-time rate of orders over the branch." })
  ordersOnTimeRate!: StatisticRate;
  @Field(() => StatisticRate, { description: "First-pass rate of claims over the branch." })
  claimsFirstPassRate!: StatisticRate;
  @Field(() => StatisticRate, { description: "On-time rate of claims over the branch." })
  claimsOnTimeRate!: StatisticRate;
  // The sums, one per BRANCH_COUNTS entry; their GraphQL fields are declared below.
  ordersIssued!: number;
  ordersConfirmed!: number;
  ordersValidated!: number;
  ordersRejected!: number;
  ordersExpired!: number;
  ordersVoided!: number;
  ordersFirstPass!: number;
  ordersDue!: number;
  ordersDueOnTime!: number;
  claimsRegistered!: number;
  claimsSubmitted!: number;
  claimsSubmittedOnTime!: number;
  claimsReturned!: number;
  claimsApproved!: number;
  claimsFirstPass!: number;
  claimDeliveriesDue!: number;
  claimDeliveriesOnTime!: number;
  visitsCompleted!: number;
}
for (const count of BRANCH_COUNTS)
  Field(() => Int, { description: `Sum of MonthlyStatistic.${count} over the branch's organisations.` })(
    BranchMonthlyStatistic.prototype,
    count,
  );

/** Adds decimal strings exactly (scale of the longer fraction). */
function addDecimal(a: string, b: string): string {
  const scale = Math.max((a.split(".")[1] ?? "").length, (b.split(".")[1] ?? "").length);
  const toScaled = (v: string) => {
    const [i, f = ""] = v.split(".");
    const sign = i!.startsWith("-") ? -1n : 1n;
    return (
      sign *
      (BigInt(i!.replace("-", "")) * 10n ** BigInt(scale) + BigInt((f + "0".repeat(scale)).slice(0, scale) || "0"))
    );
  };
  const sum = toScaled(a) + toScaled(b);
  const neg = sum < 0n;
  const digits = (neg ? -sum : sum).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  return `${neg ? "-" : ""}${whole}${scale ? `.${digits.slice(digits.length - scale)}` : ""}`;
}

/**
 * The monthly statistics the caller may see (a branch session: its branch's organisations),
 * summed per coverage branch and month, by branch code then month.
 */
export async function branchMonthlyStatistics(
  em: EntityManager,
  monthFrom: string,
  monthTo: string,
  branchId?: string | null,
): Promise<BranchMonthlyStatistic[]> {
  assertMonth(monthFrom, "monthFrom");
  assertMonth(monthTo, "monthTo");
  const rows = await em.find(
    MonthlyStatistic,
    { month: { $gte: monthFrom, $lte: monthTo } },
    { populate: ["organization"], orderBy: { month: "ASC" } },
  );
  const groups = new Map<string, BranchMonthlyStatistic & { currencies: Set<string | null> }>();
  for (const row of rows) {
    const bid = row.organization.branch?.id ?? null;
    if (branchId !== undefined && bid !== branchId) continue;
    const key = `${bid ?? ""}|${row.month}`;
    let g = groups.get(key);
    if (!g) {
      g = Object.assign(new BranchMonthlyStatistic(), {
        branchId: bid,
        branch: null,
        month: row.month,
        organizations: 0,
        approvedAmount: null,
        currency: null,
        currencies: new Set<string | null>(),
      });
      for (const c of BRANCH_COUNTS) g[c] = 0;
      groups.set(key, g);
    }
    g.organizations += 1;
    for (const c of BRANCH_COUNTS) g[c] += row[c];
    if (row.approvedAmount != null) {
      g.currencies.add(row.currency ?? null);
      g.approvedAmount =
        g.approvedAmount === null ? row.approvedAmount : addDecimal(g.approvedAmount, row.approvedAmount);
      g.currency = row.currency ?? null;
    }
  }
  const branches = new Map(
    (await em.find(Branch, { id: { $in: [...groups.values()].flatMap((g) => (g.branchId ? [g.branchId] : [])) } })).map(
      (b) => [b.id, b],
    ),
  );
  const out = [...groups.values()].map(({ currencies, ...g }) => {
    const mixed = currencies.size > 1;
    return Object.assign(new BranchMonthlyStatistic(), g, {
      branch: g.branchId ? (branches.get(g.branchId) ?? null) : null,
      approvedAmount: mixed ? null : g.approvedAmount,
      currency: mixed ? null : g.currency,
      ordersFirstPassRate: measureOf(g, SupervisionMeasure.ORDERS_FIRST_PASS),
      ordersOnTimeRate: measureOf(g, SupervisionMeasure.ORDERS_ON_TIME),
      claimsFirstPassRate: measureOf(g, SupervisionMeasure.CLAIMS_FIRST_PASS),
      claimsOnTimeRate: measureOf(g, SupervisionMeasure.CLAIMS_ON_TIME),
    });
  });
  const code = (s: BranchMonthlyStatistic) => s.branch?.code ?? "";
  return out.sort((a, b) => code(a).localeCompare(code(b)) || a.month.localeCompare(b.month));
}
