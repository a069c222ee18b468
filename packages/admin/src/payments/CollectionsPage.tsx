import { Button, Card, CardContent, Stack, TableCell, TableRow, TextField } from "@mui/material";
import DownloadIcon from "@mui/icons-material/Download";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, downloadCSV, useGetMany, useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { toCsv } from "../data/csvExport";
import { formatDate, formatMoney } from "../fields/format";
import { DAY_COLLECTIONS, localDay, type DayCollection } from "./queries";
import { FigureTable } from "../views/FigureTable";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One CSV row per organisation and currency, with what came in per payer and method. */
export function collectionsCsvRows(rows: DayCollection[], names: Map<string, string>) {
  return rows.map((row) => ({
    date: row.date,
    organization: names.get(row.organizationId) ?? row.organizationId,
    currency: row.currency,
    receivedInsurer: row.receivedInsurer,
    receivedPatient: row.receivedPatient,
    ...Object.fromEntries(row.received.map((b) => [`received.${b.payer}.${b.method}`, b.amount])),
    outstandingInsurer: row.outstandingInsurer,
    outstandingPatient: row.outstandingPatient,
    outstandingClaims: row.outstandingClaims,
  }));
}

/**
 * Daily collections for any day (dailyCollections): what was received from insurers and
 * patients, by method, and what is still owed, per organisation and currency; the table
 * downloads as CSV.
 */
export default function CollectionsPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [date, setDate] = useState(localDay());
  const valid = DAY.test(date);
  const { data, isPending } = useQuery({
    queryKey: ["dayCollections", date],
    queryFn: () => request<{ dailyCollections: DayCollection[] }>(DAY_COLLECTIONS, { date }),
    enabled: valid,
  });
  const rows = data?.dailyCollections ?? [];
  const { data: organizations } = useGetMany("organizations", { ids: [...new Set(rows.map((r) => r.organizationId))] });
  const names = new Map((organizations ?? []).map((o) => [String(o.id), String(o.name)]));
  const money = (amount: string, currency: string) => formatMoney(amount, currency, locale);
  const methods = (row: DayCollection) =>
    row.received
      .map(
        (b) => `${translate(`clinigraph.payments.methods.${b.method}`)} ${money(b.amount, row.currency)} (${b.count})`,
      )
      .join(", ");

  return (
    <Card sx={{ mt: 2 }} data-testid="collections-page">
      <Title title={translate("clinigraph.menu.collections")} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 2, flexWrap: "wrap" }} useFlexGap>
          <TextField
            type="date"
            size="small"
            label={translate("clinigraph.collections.date")}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            // the native picker speaks the browser's language; the day is also said in the console's
            helperText={formatDate(date, locale, false)}
            sx={{ width: 220 }}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { "data-testid": "collections-date" },
              formHelperText: { "data-testid": "collections-date-read" } as object,
            }}
          />
          <Button
            startIcon={<DownloadIcon />}
            disabled={!rows.length}
            onClick={() => downloadCSV(toCsv(collectionsCsvRows(rows, names)), `collections-${date}`)}
            data-testid="collections-csv"
          >
            {translate("ra.action.export")}
          </Button>
        </Stack>
        <FigureTable
          columns={[
            { label: translate("resources.organizations.name", { smart_count: 1 }) },
            { label: translate("clinigraph.dashboard.received_insurer"), align: "right" },
            { label: translate("clinigraph.dashboard.received_patient"), align: "right" },
            { label: translate("clinigraph.collections.by_method") },
            { label: translate("clinigraph.dashboard.outstanding_insurer"), align: "right" },
            { label: translate("clinigraph.dashboard.outstanding_patient"), align: "right" },
            { label: translate("clinigraph.dashboard.outstanding_claims"), align: "right" },
          ]}
          empty={!isPending && rows.length === 0 ? translate("clinigraph.collections.none") : null}
        >
          {rows.map((row) => (
            <TableRow key={`${row.organizationId}-${row.currency}`} data-testid="collections-row">
              <TableCell>
                <bdi>{names.get(row.organizationId) ?? ""}</bdi>
              </TableCell>
              <TableCell align="right">{money(row.receivedInsurer, row.currency)}</TableCell>
              <TableCell align="right">{money(row.receivedPatient, row.currency)}</TableCell>
              <TableCell>{methods(row)}</TableCell>
              <TableCell align="right">{money(row.outstandingInsurer, row.currency)}</TableCell>
              <TableCell align="right">{money(row.outstandingPatient, row.currency)}</TableCell>
              <TableCell align="right">{row.outstandingClaims}</TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </CardContent>
    </Card>
  );
}
