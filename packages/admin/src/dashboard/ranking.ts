/** The supervision ranking's query and the rates it can rank by (the API's SupervisionMeasure). */
export const MEASURES = ["CLAIMS_FIRST_PASS", "CLAIMS_ON_TIME", "ORDERS_FIRST_PASS", "ORDERS_ON_TIME"] as const;
export type Measure = (typeof MEASURES)[number];

export const RANKING = `query Ranking($input: SupervisionRankingInput!) {
  supervisionRanking(input: $input) {
    totalCount
    entries { rank organizationId organization { name } measured { numerator denominator ratio } }
  }
}`;

export interface RankingEntry {
  rank: number;
  organizationId: string;
  organization: { name: string } | null;
  measured: { numerator: number; denominator: number; ratio: string | null };
}

/** The month before `now`'s, YYYY-MM in the browser's zone: the last month the workers compiled. */
export function previousMonth(now: Date): string {
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  return `${year}-${String(month).padStart(2, "0")}`;
}
