import type { Runtime } from "../../platform/http/app.js";
import { mountMonthlyStatisticsCsv } from "./monthly-statistics.csv-route.js";

/** The module's REST routes: the CSV export (the queue dashboard is the platform's, platform/queues). */
export function statisticsRoutes(runtime: Runtime): void {
  mountMonthlyStatisticsCsv(runtime);
}
