import { Card, CardContent, CardHeader, MenuItem, Stack, TableCell, TableRow, TextField } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { FIGURES_FRESH_MS } from "./figures";
import { formatNumber } from "../fields/format";
import { MonthPicker } from "../fields/MonthPicker";
import { MEASURES, previousMonth, RANKING, type Measure, type RankingEntry } from "./ranking";
import { FigureTable } from "../views/FigureTable";

/**
 * The supervisor's view (issue #16, Persian seed: the review offices' monthly figures on
 * their agencies): organisations ranked by one first-pass or on-time rate for a month.
 * The order rates rank the providers (labs), the claim rates the registering agencies.
 * The rate is shown from the API's exact ratio, with the two counts beside it.
 */
export function SupervisionRanking() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [measure, setMeasure] = useState<Measure>("CLAIMS_FIRST_PASS");
  const [month, setMonth] = useState(previousMonth(new Date()));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const { data, isPending } = useQuery({
    queryKey: ["supervisionRanking", measure, month],
    queryFn: () =>
      request<{ supervisionRanking: { entries: RankingEntry[] } }>(RANKING, {
        input: { monthFrom: month, monthTo: month, measure },
      }),
    enabled: valid,
    staleTime: FIGURES_FRESH_MS,
  });
  const entries = data?.supervisionRanking.entries ?? [];
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2 });

  return (
    <Card variant="outlined" data-testid="supervision-ranking">
      <CardHeader title={translate("clinigraph.ranking.title")} slotProps={{ title: { variant: "subtitle1" } }} />
      <CardContent>
        <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            select
            size="small"
            label={translate("clinigraph.ranking.measure")}
            value={measure}
            onChange={(e) => setMeasure(e.target.value as Measure)}
            sx={{ minWidth: 280 }}
            slotProps={{ htmlInput: { "data-testid": "ranking-measure" } }}
          >
            {MEASURES.map((m) => (
              <MenuItem key={m} value={m}>
                {translate(`clinigraph.ranking.measures.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          <MonthPicker
            label={translate("clinigraph.ranking.month")}
            value={month}
            onChange={setMonth}
            testId="ranking-month"
          />
        </Stack>
        <FigureTable
          columns={[
            { label: translate("clinigraph.ranking.rank") },
            { label: translate("resources.organizations.name", { smart_count: 1 }) },
            { label: translate("clinigraph.ranking.rate"), align: "right" },
            { label: "", align: "right" },
          ]}
          empty={valid && !isPending && entries.length === 0 ? translate("clinigraph.ranking.empty") : null}
        >
          {entries.map((e) => (
            <TableRow key={e.organizationId} data-testid="ranking-row">
              <TableCell>{formatNumber(e.rank, locale)}</TableCell>
              <TableCell>{e.organization?.name ?? e.organizationId}</TableCell>
              <TableCell align="right" data-testid="ranking-rate">
                {e.measured.ratio === null ? "" : percent.format(Number(e.measured.ratio))}
              </TableCell>
              <TableCell align="right">
                {translate("clinigraph.ranking.of", {
                  numerator: formatNumber(Number(e.measured.numerator), locale),
                  denominator: formatNumber(Number(e.measured.denominator), locale),
                })}
              </TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </CardContent>
    </Card>
  );
}
