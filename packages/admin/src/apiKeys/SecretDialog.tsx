import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";

/** Shows a new key's secret once, with a copy button; closing it forgets the secret. */
export function SecretDialog({
  secret,
  onClose,
  title = "clinigraph.api_keys.secret_title",
}: {
  secret: string;
  onClose(): void;
  /** what the secret is (a key's by default; a webhook's signing secret) */
  title?: string;
}) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate("clinigraph.api_keys.secret_once")}
        </Alert>
        <TextField
          fullWidth
          value={secret}
          slotProps={{ htmlInput: { readOnly: true, "data-testid": "api-key-secret" } }}
        />
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<ContentCopyIcon />}
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {translate(copied ? "clinigraph.api_keys.copied" : "clinigraph.api_keys.copy")}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate("ra.action.close")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
