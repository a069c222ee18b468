import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { FIGURES_FRESH_MS } from "./figures";
import { formatNumber } from "../fields/format";
import { MonthPicker } from "../fields/MonthPicker";
import { MEASURES, previousMonth, type Measure } from "./ranking";

const RATE_FIELD: Record<Measure, string> = {
  ORDERS_FIRST_PASS: "ordersFirstPassRate",
  ORDERS_ON_TIME: "ordersOnTimeRate",
  CLAIMS_FIRST_PASS: "claimsFirstPassRate",
  CLAIMS_ON_TIME: "claimsOnTimeRate",
};
export const BRANCH_FIGURES = `query BranchFigures($month: String!) { branchMonthlyStatistics(monthFrom: $month, monthTo: $month) {
  branchId branch { name } organizations ${Object.values(RATE_FIELD)
    .map((f) => `${f} { ratio }`)
    .join(" ")} } }`;
type Row = { branchId: string | null; branch: { name: string } | null; organizations: number } & Record<
  string,
  { ratio: string | null }
>;

/**
 * The month's figures rolled up by branch (分公司): each branch's first-pass and on-time
 * rates over the partners under its coverage. Shown only where the operator has branches;
 * a branch session sees its own branch.
 */
export function BranchFigures() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [month, setMonth] = useState(previousMonth(new Date()));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const { data } = useQuery({
    queryKey: ["branchFigures", month],
    queryFn: () => request<{ branchMonthlyStatistics: Row[] }>(BRANCH_FIGURES, { month }),
    staleTime: FIGURES_FRESH_MS,
    enabled: valid,
  });
  const rows = data?.branchMonthlyStatistics ?? [];
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2 });
  if (data && !rows.some((r) => r.branchId)) return null;
  return (
    <Card variant="outlined" data-testid="branch-figures">
      <CardHeader
        title={translate("clinigraph.branches.figures_title")}
        slotProps={{ title: { variant: "subtitle1" } }}
        action={
          <MonthPicker
            label={translate("clinigraph.ranking.month")}
            value={month}
            onChange={setMonth}
            testId="branch-figures-month"
          />
        }
      />
      <CardContent sx={{ overflowX: "auto" }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate("clinigraph.branches.branch")}</TableCell>
              <TableCell align="right">{translate("clinigraph.branches.organizations")}</TableCell>
              {MEASURES.map((m) => (
                <TableCell key={m} align="right">
                  {translate(`clinigraph.ranking.measures.${m}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.branchId ?? ""} data-testid="branch-figures-row">
                <TableCell>
                  <bdi>{r.branch?.name ?? translate("clinigraph.branches.head_office")}</bdi>
                </TableCell>
                <TableCell align="right">{formatNumber(r.organizations, locale)}</TableCell>
                {MEASURES.map((m) => {
                  const ratio = r[RATE_FIELD[m]]?.ratio;
                  return (
                    <TableCell key={m} align="right">
                      {ratio == null ? "—" : percent.format(Number(ratio))}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
