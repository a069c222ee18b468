import { Card, CardContent, CardHeader, TableCell, TableRow } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { ReferenceField, RecordContextProvider, useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { FIGURES_FRESH_MS, today } from "./figures";
import { formatMoney, formatNumber } from "../fields/format";
import { COLLECTIONS, type Collection } from "./statistics";
import { FigureTable } from "../views/FigureTable";

/** Payments received today and what is still owed, per organisation and currency. */
export function TodayCollections() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ["dailyCollections", today()],
    queryFn: () => request<{ dailyCollections: Collection[] }>(COLLECTIONS, { date: today() }),
    staleTime: FIGURES_FRESH_MS,
  });
  const rows = data?.dailyCollections ?? [];
  const money = (amount: string, currency: string) => formatMoney(amount, currency, locale);
  return (
    <Card variant="outlined" data-testid="today-collections">
      <CardHeader
        title={translate("clinigraph.dashboard.collections")}
        slotProps={{ title: { variant: "subtitle1" } }}
      />
      <CardContent>
        <FigureTable
          columns={[
            { label: translate("resources.organizations.name", { smart_count: 1 }) },
            { label: translate("clinigraph.dashboard.received_insurer"), align: "right" },
            { label: translate("clinigraph.dashboard.received_patient"), align: "right" },
            { label: translate("clinigraph.dashboard.outstanding_insurer"), align: "right" },
            { label: translate("clinigraph.dashboard.outstanding_patient"), align: "right" },
            { label: translate("clinigraph.dashboard.outstanding_claims"), align: "right" },
          ]}
          empty={rows.length === 0 ? translate("clinigraph.dashboard.no_collections") : null}
        >
          {rows.map((row) => (
            <TableRow key={`${row.organizationId}-${row.currency}`}>
              <TableCell>
                <RecordContextProvider value={{ id: row.organizationId, organizationId: row.organizationId }}>
                  <ReferenceField source="organizationId" reference="organizations" link={false} />
                </RecordContextProvider>
              </TableCell>
              <TableCell align="right">{money(row.receivedInsurer, row.currency)}</TableCell>
              <TableCell align="right">{money(row.receivedPatient, row.currency)}</TableCell>
              <TableCell align="right">{money(row.outstandingInsurer, row.currency)}</TableCell>
              <TableCell align="right">{money(row.outstandingPatient, row.currency)}</TableCell>
              <TableCell align="right">{formatNumber(row.outstandingClaims, locale)}</TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </CardContent>
    </Card>
  );
}
