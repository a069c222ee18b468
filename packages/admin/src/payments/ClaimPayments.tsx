import {
  Box,
  Button,
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
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocaleState, useNotify, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { hasRole } from "../auth/authProvider";
import { request } from "../data/api";
import { formatDate, formatMoney } from "../fields/format";
import { seesCollections } from "../layout/access";
import { CLAIM_PAYMENTS, type ClaimPaymentsData } from "./queries";
import { RecordPaymentDialog } from "./RecordPaymentDialog";

/** Claims no payment may be recorded against any more. */
const CLOSED = ["CANCELLED", "DENIED"];

/**
 * What each side paid and still owes, every payment received, and — for the roles that
 * handle money — the button that records the next one.
 */
export function ClaimPayments() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: ["claimPayments", record?.id, record?.version],
    queryFn: () => request<{ claim: ClaimPaymentsData | null }>(CLAIM_PAYMENTS, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  const claim = data?.claim;
  if (!claim) return null;
  const money = (amount: string) => formatMoney(amount, claim.currency, locale);
  const records = seesCollections(permissions) && !CLOSED.includes(claim.status);
  const owes = Number(claim.outstanding.insurer) > 0 || Number(claim.outstanding.patient) > 0;

  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="claim-payments">
      <CardHeader
        title={translate("clinigraph.payments.title")}
        action={
          records &&
          owes && (
            <Button variant="contained" size="small" onClick={() => setOpen(true)} data-testid="record-payment">
              {translate("clinigraph.payments.record")}
            </Button>
          )
        }
      />
      <CardContent>
        <Box sx={{ display: "grid", gap: 1, gridTemplateColumns: "repeat(2, minmax(0, 1fr))", mb: 2 }}>
          <Typography variant="body2">
            {translate("clinigraph.payments.insurer_paid", {
              paid: money(claim.paid.insurer),
              owed: money(claim.outstanding.insurer),
            })}
          </Typography>
          <Typography variant="body2">
            {translate("clinigraph.payments.patient_paid", {
              paid: money(claim.paid.patient),
              owed: money(claim.outstanding.patient),
            })}
          </Typography>
        </Box>
        {claim.payments.length === 0 ? (
          <Typography color="text.secondary">{translate("clinigraph.payments.none")}</Typography>
        ) : (
          <Box sx={{ overflowX: "auto" }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate("clinigraph.payments.received_at")}</TableCell>
                  <TableCell>{translate("clinigraph.payments.payer")}</TableCell>
                  <TableCell>{translate("clinigraph.payments.method")}</TableCell>
                  <TableCell>{translate("clinigraph.payments.reference")}</TableCell>
                  <TableCell align="right">{translate("clinigraph.payments.amount")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {claim.payments.map((p) => (
                  <TableRow key={p.id} data-testid="payment-row">
                    <TableCell>{formatDate(p.receivedAt, locale, true)}</TableCell>
                    <TableCell>{translate(`clinigraph.payments.payers.${p.payer}`)}</TableCell>
                    <TableCell>{translate(`clinigraph.payments.methods.${p.method}`)}</TableCell>
                    <TableCell>
                      <bdi>{p.reference}</bdi>
                    </TableCell>
                    <TableCell align="right">{money(p.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
      {open && (
        <RecordPaymentDialog
          claim={claim}
          insurerAllowed={hasRole(permissions, "BILLING", "ADMIN")}
          onClose={() => setOpen(false)}
          onRecorded={async () => {
            setOpen(false);
            notify("clinigraph.payments.recorded", { type: "success" });
            // the claim's version, paid and outstanding change with every payment
            await queryClient.refetchQueries({ queryKey: ["claims", "getOne"] });
          }}
        />
      )}
    </Card>
  );
}
