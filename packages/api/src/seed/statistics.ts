import { computeMonthlyStatistics } from "../modules/statistics/monthly-statistics.service.js";
import type { SeedContext } from "./context.js";

/**
 * The dashboard has figures from the first start: the statistics of the demo's last
 * three months, computed the way the monthly worker does (re-running replaces them).
 */
export const seedStatisticsStep = async (ctx: SeedContext): Promise<void> => {
  const timeZone = ctx.organizations.operator?.timeZone ?? "America/Santiago";
  const [year, month] = ctx.today.split("-").map(Number) as [number, number];
  for (let back = 2; back >= 0; back--) {
    const d = new Date(Date.UTC(year, month - 1 - back, 1));
    const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    await computeMonthlyStatistics(ctx.em, key, timeZone);
  }
};
