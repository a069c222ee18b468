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

/** One chart row per month with one key per organisation (recharts' wide format). */
export function byMonth(rows: MonthlyRow[], value: (row: MonthlyRow) => number | null) {
  const names = new Map<string, string>();
  const months = new Map<string, ChartRow>();
  for (const row of rows) {
    const name = row.organization?.name ?? row.organizationId;
    names.set(row.organizationId, name);
    const entry = months.get(row.month) ?? { month: row.month };
    entry[name] = value(row);
    months.set(row.month, entry);
  }
  return { series: [...new Set(names.values())], data: [...months.values()] };
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
