import type { EntityClass } from "@mikro-orm/core";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { MonthlyStatisticResolver } from "./monthly-statistics.resolver.js";
import { MonthlyStatisticRatesResolver, SupervisionRankingResolver } from "./supervision.resolver.js";
import "./monthly-statistic.scope.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [
  MonthlyStatisticResolver,
  MonthlyStatisticRatesResolver,
  SupervisionRankingResolver,
];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [MonthlyStatistic];
