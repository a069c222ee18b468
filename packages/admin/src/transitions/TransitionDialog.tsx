import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from "@mui/material";
import { useState } from "react";
import { useLocaleState, useTranslate } from "react-admin";
import { formatDate } from "../fields/format";
import type { TransitionMeta } from "../resources/types";
import { CLAIM_RETURN_CODES } from "../i18n/reasons";
import { useReasonCodeOptions } from "./useReasonCodeOptions";
import type { EventNeeds } from "./eventRules";
import type { TransitionValues } from "./useRunTransition";

interface Props {
  open: boolean;
  label: string;
  recordLabel: string;
  needs: EventNeeds;
  reasonCodes: string[];
  reasonCodeSource: TransitionMeta["reasonCodeSource"];
  running: boolean;
  onCancel(): void;
  onConfirm(values: TransitionValues): void;
}

/** Collects what an event needs (reason, reason code, reference) and confirms destructive ones. */
export function TransitionDialog({
  open,
  label,
  recordLabel,
  needs,
  reasonCodes,
  reasonCodeSource,
  running,
  onCancel,
  onConfirm,
}: Props) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const options = useReasonCodeOptions(reasonCodes, needs.reasonCode ? reasonCodeSource : null);
  const [reason, setReason] = useState("");
  const [reasonCode, setReasonCode] = useState("");
  const [reference, setReference] = useState("");
  // a datetime-local value: the user's wall-clock time, sent as the instant it names
  const [scheduledAt, setScheduledAt] = useState("");
  const complete =
    (!needs.scheduledAt || !Number.isNaN(Date.parse(scheduledAt))) &&
    (!needs.reason || reason.trim() !== "") &&
    (!(needs.reasonCode || needs.freeReasonCode) || reasonCode.trim() !== "") &&
    (!needs.reference || reference.trim() !== "");

  return (
    <Dialog open={open} onClose={running ? undefined : onCancel} fullWidth maxWidth="sm">
      <DialogTitle>
        {translate("clinigraph.transitions.confirm_title", { event: label, name: recordLabel })}
      </DialogTitle>
      <DialogContent>
        {needs.confirm && <DialogContentText>{translate("clinigraph.transitions.confirm_content")}</DialogContentText>}
        {needs.scheduledAt && (
          <TextField
            fullWidth
            margin="dense"
            required
            type="datetime-local"
            label={translate("clinigraph.workflows.scheduled_at")}
            value={scheduledAt}
            onChange={(e) => setScheduledAt(e.target.value)}
            // the native picker speaks the browser's language; the time is also said in the console's
            helperText={Number.isNaN(Date.parse(scheduledAt)) ? " " : formatDate(scheduledAt, locale, true)}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { "data-testid": "transition-scheduled-at" },
              formHelperText: { "data-testid": "transition-scheduled-at-read" } as object,
            }}
          />
        )}
        {needs.reasonCode && (
          <TextField
            select
            fullWidth
            margin="dense"
            required
            label={translate("clinigraph.transitions.reason_code")}
            value={reasonCode}
            onChange={(e) => setReasonCode(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "transition-reason-code" } }}
          >
            {options.map((option) => (
              <MenuItem key={option.code} value={option.code}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
        )}
        {needs.freeReasonCode && (
          // the API takes any code; the console offers the configured ones, in the reader's words
          <TextField
            select
            fullWidth
            margin="dense"
            required
            label={translate("clinigraph.transitions.reason_code")}
            value={reasonCode}
            onChange={(e) => setReasonCode(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "transition-return-code" } }}
          >
            {CLAIM_RETURN_CODES.map((code) => (
              <MenuItem key={code} value={code} data-code={code}>
                {translate(`clinigraph.reasons.${code}`, { _: code })}
              </MenuItem>
            ))}
          </TextField>
        )}
        {(needs.reason || needs.optionalReason) && (
          <TextField
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            required={needs.reason}
            label={translate(needs.reason ? "clinigraph.transitions.reason" : "clinigraph.transitions.reason_optional")}
            helperText={needs.reason ? undefined : translate("clinigraph.transitions.reason_optional_hint")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "transition-reason" } }}
          />
        )}
        {needs.reference && (
          <TextField
            fullWidth
            margin="dense"
            required
            label={translate("clinigraph.transitions.reference")}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "transition-reference" } }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={running}>
          {translate("ra.action.cancel")}
        </Button>
        <Button
          variant="contained"
          color={needs.destructive ? "error" : "primary"}
          disabled={running || !complete}
          onClick={() =>
            onConfirm({
              reason: reason.trim() || undefined,
              reasonCode: reasonCode.trim() || undefined,
              reference: reference.trim() || undefined,
              scheduledAt: scheduledAt ? new Date(scheduledAt).toISOString() : undefined,
            })
          }
        >
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
