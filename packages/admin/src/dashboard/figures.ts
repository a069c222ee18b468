import type { QueryClient } from "@tanstack/react-query";
import { request } from "../data/api";
import { BRANCH_FIGURES } from "./BranchFigures";
import { previousMonth, RANKING } from "./ranking";
import { COLLECTIONS, MONTHLY } from "./statistics";

/** Today as a calendar day in the browser's zone; the API applies each organisation's own zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Which cards the reader's roles show. */
export interface DashboardParts {
  statistics: boolean;
  collections: boolean;
}

/** An operation's variable definitions and its selection, for merging several into one. */
function parts(operation: string): { variables: string; selection: string } {
  const header = operation.slice(0, operation.indexOf("{"));
  const variables = /\(([^)]*)\)/.exec(header)?.[1] ?? "";
  return { variables, selection: operation.slice(operation.indexOf("{") + 1, operation.lastIndexOf("}")) };
}

/**
 * The dashboard's first paint in one request: the cards' own queries (monthly figures,
 * ranking, branch figures, today's collections) merged into one operation, so a loaded
 * API answers once instead of four times and the cards fill in together. Each card's
 * answer is put in the cache under that card's own key: a later change (another month,
 * another rate) asks for that card alone.
 */
export async function loadDashboardFigures(client: QueryClient, shown: DashboardParts): Promise<true> {
  const month = previousMonth(new Date());
  const date = today();
  const operations = [
    ...(shown.statistics ? [MONTHLY, RANKING, BRANCH_FIGURES] : []),
    ...(shown.collections ? [COLLECTIONS] : []),
  ].map(parts);
  if (!operations.length) return true;
  const variables = operations.map((o) => o.variables).filter(Boolean);
  const query = `query DashboardFigures(${variables.join(", ")}) {${operations.map((o) => o.selection).join("\n")}}`;
  const data = await request<Record<string, unknown>>(query, {
    input: { monthFrom: month, monthTo: month, measure: "CLAIMS_FIRST_PASS" },
    month,
    date,
  });
  if (shown.statistics) {
    client.setQueryData(["monthlyStatistics"], { monthlyStatistics: data.monthlyStatistics });
    client.setQueryData(["supervisionRanking", "CLAIMS_FIRST_PASS", month], {
      supervisionRanking: data.supervisionRanking,
    });
    client.setQueryData(["branchFigures", month], { branchMonthlyStatistics: data.branchMonthlyStatistics });
  }
  if (shown.collections) client.setQueryData(["dailyCollections", date], { dailyCollections: data.dailyCollections });
  return true;
}

/** The cards read what the batch put in the cache for this long before asking again themselves. */
export const FIGURES_FRESH_MS = 60_000;
