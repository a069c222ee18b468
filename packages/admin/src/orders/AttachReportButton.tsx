import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from "@mui/material";
import { useState } from "react";
import { useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { authorizedUpload } from "../data/api";
import { idempotencyKey, runMutation } from "../data/runMutation";

const ATTACH = `mutation Attach($input: AttachOrderReportInput!) {
  attachOrderReport(input: $input) { order { id version } userErrors { code field message } }
}`;

/** Report kinds an operator may file for the provider (the order machine decides what each does). */
const KINDS = ["PRELIMINARY", "FINAL"];

/**
 * An operator files a provider's report (sent by mail or fax) on its behalf: the document
 * goes through POST /files, as a provider's upload does, then attachOrderReport.
 */
export function AttachReportButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState("FINAL");
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  if (!record) return null;

  async function attach() {
    if (!record || !file) return;
    setRunning(true);
    try {
      const uploaded = await authorizedUpload(file);
      await runMutation(ATTACH, "attachOrderReport", {
        orderId: record.id,
        kind,
        fileId: uploaded.id,
        idempotencyKey: idempotencyKey(),
      });
      notify("clinigraph.workflows.report_attached", { type: "success" });
      setOpen(false);
      refresh();
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="attach-report">
        {translate("clinigraph.workflows.attach_report")}
      </Button>
      {open && (
        <Dialog open onClose={running ? undefined : () => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{translate("clinigraph.workflows.attach_report_title")}</DialogTitle>
          <DialogContent>
            <TextField
              select
              fullWidth
              margin="dense"
              label={translate("clinigraph.workflows.report_kind")}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              slotProps={{ htmlInput: { "data-testid": "report-kind" } }}
            >
              {KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`clinigraph.enums.ReportKind.${k}`, { _: k })}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth
              margin="dense"
              type="file"
              label={translate("clinigraph.workflows.report_file")}
              onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { accept: "application/pdf,image/png,image/jpeg,image/tiff", "data-testid": "report-file" },
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={running}>
              {translate("ra.action.cancel")}
            </Button>
            <Button variant="contained" disabled={running || !file} onClick={() => void attach()}>
              {translate("clinigraph.workflows.attach_report")}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
