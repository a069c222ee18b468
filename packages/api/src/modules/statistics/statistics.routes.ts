import type { Runtime } from "../../platform/http/app.js";
import { mountMonthlyStatisticsCsv } from "./monthly-statistics.csv-route.js";
import { mountQueueDashboard } from "./queue-dashboard.route.js";

/** The module's REST routes: the CSV export and the queue dashboard. */
export function statisticsRoutes(runtime: Runtime): void {
  mountMonthlyStatisticsCsv(runtime);
  mountQueueDashboard(runtime);
}
