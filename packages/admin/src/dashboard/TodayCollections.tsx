import {
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { ReferenceField, RecordContextProvider, useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { FIGURES_FRESH_MS, today } from "./figures";
import { formatMoney, formatNumber } from "../fields/format";
import { COLLECTIONS, type Collection } from "./statistics";

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
        {rows.length === 0 ? (
          <Typography>{translate("clinigraph.dashboard.no_collections")}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate("resources.organizations.name", { smart_count: 1 })}</TableCell>
                <TableCell align="right">{translate("clinigraph.dashboard.received_insurer")}</TableCell>
                <TableCell align="right">{translate("clinigraph.dashboard.received_patient")}</TableCell>
                <TableCell align="right">{translate("clinigraph.dashboard.outstanding_insurer")}</TableCell>
                <TableCell align="right">{translate("clinigraph.dashboard.outstanding_patient")}</TableCell>
                <TableCell align="right">{translate("clinigraph.dashboard.outstanding_claims")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
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
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
