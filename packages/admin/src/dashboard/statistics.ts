export const MONTHLY = `query Monthly($filter: MonthlyStatisticFilter) {
  monthlyStatistics(first: 100, filter: $filter, orderBy: { field: MONTH, direction: ASC }) {
    nodes {
      month organizationId organization { name }
      ordersIssued ordersValidated claimsSubmitted claimsSubmittedOnTime turnaroundMedianHours
    }
  }
}`;

export const COLLECTIONS = `query Collections($date: LocalDate!) {
  dailyCollections(date: $date) {
    organizationId currency receivedInsurer receivedPatient outstandingInsurer outstandingPatient outstandingClaims
  }
}`;

export interface MonthlyRow {
  month: string;
  organizationId: string;
  organization: { name: string } | null;
  ordersIssued: number;
  ordersValidated: number;
  claimsSubmitted: number;
  claimsSubmittedOnTime: number;
  turnaroundMedianHours: number | null;
}

export interface Collection {
  organizationId: string;
  currency: string;
  receivedInsurer: string;
  receivedPatient: string;
  outstandingInsurer: string;
  outstandingPatient: string;
  outstandingClaims: number;
}

export type ChartRow = { month: string } & Record<string, number | string | null>;

export interface SeriesOptions {
  /** at most this many organisations get their own series: the largest by their sum over the months */
  limit?: number;
  /** the series that sums the organisations beyond `limit` */
  otherLabel?: string;
}

/**
 * One chart row per month with one key per organisation (recharts' wide format).
 * Organisations without a figure in any month are left out; past `limit`, the smaller
 * ones are summed into one `otherLabel` series, so a region with many providers still
 * leaves the plot room beside its legend.
 */
export function byMonth(rows: MonthlyRow[], value: (row: MonthlyRow) => number | null, options: SeriesOptions = {}) {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const v = value(row);
    if (v === null || v === 0) continue;
    const name = row.organization?.name ?? row.organizationId;
    totals.set(name, (totals.get(name) ?? 0) + v);
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const { limit = ranked.length, otherLabel = "…" } = options;
  const own = new Set(ranked.length > limit ? ranked.slice(0, limit - 1) : ranked);
  const grouped = ranked.length > own.size;

  const months = new Map<string, ChartRow>();
  for (const row of rows) {
    const entry = months.get(row.month) ?? { month: row.month };
    months.set(row.month, entry);
    const name = row.organization?.name ?? row.organizationId;
    if (!totals.has(name)) continue;
    const v = value(row);
    if (own.has(name)) entry[name] = v;
    else entry[otherLabel] = Number(entry[otherLabel] ?? 0) + (v ?? 0);
  }
  const series = grouped ? [...own, otherLabel] : [...own];
  return { series, data: [...months.values()] };
}

/** Claims delivered on time over claims delivered, per month across organisations; null without deliveries. */
export function onTimeRate(rows: MonthlyRow[]) {
  const totals = new Map<string, { submitted: number; onTime: number }>();
  for (const row of rows) {
    const t = totals.get(row.month) ?? { submitted: 0, onTime: 0 };
    t.submitted += row.claimsSubmitted;
    t.onTime += row.claimsSubmittedOnTime;
    totals.set(row.month, t);
  }
  return [...totals].map(([month, t]) => ({
    month,
    rate: t.submitted ? Math.round((t.onTime / t.submitted) * 1000) / 10 : null,
  }));
}
