import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES, type ComputedField } from "../../platform/read-compiler/definition.js";
import { moneyFieldValue } from "../claim/engine/money.graphql.js";
import { MonthlyStatisticSortField, type MonthlyStatisticFilter } from "./monthly-statistics.inputs.js";
import { monthlyStatisticWhere } from "./monthly-statistics.resolver.js";
import { MEASURES, measureOf, SupervisionMeasure } from "./supervision-measures.js";

/** A rate field: the resolver's measureOf over the measure's two counts (MEASURES). */
const rate = (measure: SupervisionMeasure): ComputedField => ({
  needs: [MEASURES[measure].numerator, MEASURES[measure].denominator],
  map: (s) => measureOf(s as never, measure),
});

/**
 * Monthly statistics on the compiled read path: `monthlyStatistics`, a plain connection over
 * the stored rows (partners their own, staff but visitors all: the MonthlyStatistic scope
 * rule and STATISTICS_READERS). The rates are the resolvers' measureOf, the approved amount
 * the MoneyField's own rendering (moneyFieldValue).
 */
export function registerMonthlyStatisticReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "MonthlyStatistic",
    entity: "MonthlyStatistic",
    columns: [
      "id",
      "month",
      "ordersIssued",
      "ordersConfirmed",
      "ordersValidated",
      "ordersRejected",
      "ordersExpired",
      "ordersVoided",
      "turnaroundMedianHours",
      "turnaroundP90Hours",
      "claimsRegistered",
      "claimsSubmitted",
      "claimsSubmittedOnTime",
      "claimsReturned",
      "claimsApproved",
      "currency",
      "visitsCompleted",
      "ordersFirstPass",
      "ordersDue",
      "ordersDueOnTime",
      "claimsFirstPass",
      "claimDeliveriesDue",
      "claimDeliveriesOnTime",
      "computedAt",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      organizationId: { needs: ["organization"], map: (s) => s.organization },
      approvedAmount: {
        needs: ["approvedAmount", "currency"],
        map: (s) => moneyFieldValue(s.approvedAmount, s.currency as string | null),
      },
      ordersFirstPassRate: rate(SupervisionMeasure.ORDERS_FIRST_PASS),
      ordersOnTimeRate: rate(SupervisionMeasure.ORDERS_ON_TIME),
      claimsFirstPassRate: rate(SupervisionMeasure.CLAIMS_FIRST_PASS),
      claimsOnTimeRate: rate(SupervisionMeasure.CLAIMS_ON_TIME),
    },
    relations: { organization: { type: "Organization", parentKey: "organization", childKey: "id" } },
  });
  hooks.add(READ_ROOTS, {
    field: "monthlyStatistics",
    kind: "connection",
    type: "MonthlyStatistic",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as MonthlyStatisticFilter | null;
      // Built once here, so a malformed month fails before any SQL (the resolvers then report it).
      const where = monthlyStatisticWhere(filter);
      return Promise.resolve(() => ({ ...(where as object) }) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: MonthlyStatisticSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? MonthlyStatisticSortField.MONTH,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
