import type { DomainModule } from "../../platform/composition/module.js";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { registerMonthlyStatisticScopes } from "./monthly-statistic.scope.js";
import { registerMonthlyStatisticReads } from "./monthly-statistics.read.js";
import { MonthlyStatisticResolver } from "./monthly-statistics.resolver.js";
import { statisticsRoutes } from "./statistics.routes.js";
import { MonthlyStatisticRatesResolver, SupervisionRankingResolver } from "./supervision.resolver.js";

/** Monthly statistics and the supervisors' figures (REST CSV export) and, for now, the queue dashboard route. */
export const statisticsModule: DomainModule = {
  name: "statistics",
  entities: [MonthlyStatistic],
  resolvers: [MonthlyStatisticResolver, MonthlyStatisticRatesResolver, SupervisionRankingResolver],
  routes: [statisticsRoutes],
  register(hooks) {
    registerMonthlyStatisticScopes(hooks);
    registerMonthlyStatisticReads(hooks);
  },
};
