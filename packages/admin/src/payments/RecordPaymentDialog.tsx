import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { request } from "../data/api";
import type { UserError } from "../data/graphqlClient";
import { INSURER_PAYS_IN, METHODS, PAYERS, RECORD_PAYMENT, type ClaimPaymentsData } from "./queries";

const AMOUNT = /^\d+(\.\d{1,4})?$/;

/**
 * recordPayment: the patient's co-pay or the insurer's remittance, the amount starting at
 * what that side still owes. The API checks the rest (who may, approved before an insurer
 * pays, never above what is owed) and says so beside the field concerned.
 */
export function RecordPaymentDialog({
  claim,
  insurerAllowed,
  onClose,
  onRecorded,
}: {
  claim: ClaimPaymentsData;
  /** BILLING (or ADMIN) records remittances; others only co-pays */
  insurerAllowed: boolean;
  onClose(): void;
  onRecorded(): void;
}) {
  const translate = useTranslate();
  const payers = PAYERS.filter((p) => p !== "INSURER" || (insurerAllowed && INSURER_PAYS_IN.includes(claim.status)));
  const owed = (payer: string) => (payer === "INSURER" ? claim.outstanding.insurer : claim.outstanding.patient);
  const [payer, setPayer] = useState<string>(payers.includes("INSURER") ? "INSURER" : "PATIENT");
  const [amount, setAmount] = useState(owed(payer));
  const [method, setMethod] = useState<string>(payer === "INSURER" ? "TRANSFER" : "CASH");
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  // one key per dialog: a retried click records the payment once
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const amountOk = AMOUNT.test(amount.trim()) && Number(amount) > 0;

  async function save() {
    setRunning(true);
    setErrors({});
    try {
      const result = await request<{ recordPayment: { userErrors: UserError[] } }>(RECORD_PAYMENT, {
        input: {
          claimId: claim.id,
          payer,
          amount: amount.trim(),
          currency: claim.currency,
          method,
          reference: reference.trim() || null,
          idempotencyKey,
        },
      });
      const userErrors = result.recordPayment.userErrors;
      if (userErrors.length) {
        const byField: Record<string, string> = {};
        for (const e of userErrors) byField[e.field?.filter((f) => f !== "input")[0] ?? "root"] = e.message;
        setErrors(byField);
        return;
      }
      onRecorded();
    } catch (error) {
      setErrors({ root: error instanceof Error ? error.message : translate("ra.notification.http_error") });
    } finally {
      setRunning(false);
    }
  }

  const rootError = errors.root ?? errors.claimId ?? errors.payer ?? errors.currency;
  return (
    <Dialog open onClose={running ? undefined : onClose} fullWidth maxWidth="xs" data-testid="record-payment-dialog">
      <DialogTitle>{translate("clinigraph.payments.record_title")}</DialogTitle>
      <DialogContent>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate("clinigraph.payments.payer")}
          value={payer}
          onChange={(e) => {
            setPayer(e.target.value);
            setAmount(owed(e.target.value));
            setMethod(e.target.value === "INSURER" ? "TRANSFER" : "CASH");
          }}
          slotProps={{ htmlInput: { "data-testid": "payment-payer" } }}
        >
          {payers.map((p) => (
            <MenuItem key={p} value={p}>
              {translate(`clinigraph.payments.payers.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          margin="dense"
          required
          label={`${translate("clinigraph.payments.amount")} (${claim.currency})`}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={Boolean(errors.amount) || (amount !== "" && !amountOk)}
          helperText={errors.amount ?? translate("clinigraph.payments.owed_hint")}
          slotProps={{ htmlInput: { inputMode: "decimal", dir: "ltr", "data-testid": "payment-amount" } }}
        />
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate("clinigraph.payments.method")}
          value={method}
          onChange={(e) => setMethod(e.target.value)}
        >
          {METHODS.map((m) => (
            <MenuItem key={m} value={m}>
              {translate(`clinigraph.payments.methods.${m}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          margin="dense"
          label={translate("clinigraph.payments.reference")}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={Boolean(errors.reference)}
          helperText={errors.reference}
          slotProps={{ htmlInput: { "data-testid": "payment-reference" } }}
        />
        {rootError && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {rootError}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running}>
          {translate("ra.action.cancel")}
        </Button>
        <Button variant="contained" disabled={running || !amountOk} onClick={save} data-testid="payment-save">
          {translate("clinigraph.payments.record")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
