import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from "@mui/material";
import { useState } from "react";
import { useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { runMutation } from "../data/runMutation";
import { NotifySmsField, useHospitalVisitors, VisitorSelect } from "./VisitorChoice";

const REASSIGN = `mutation Reassign($input: ReassignVisitInput!) {
  reassignVisit(input: $input) { visit { id version } userErrors { code field message } }
}`;

/**
 * 任务修改: the REASSIGN event carries the new visitor, so it runs reassignVisit; the
 * choice is among the active visitors covering the visit's hospital, as for assignment.
 */
export function ReassignButton({ label, held }: { label: string; held: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [visitorId, setVisitorId] = useState("");
  const [reason, setReason] = useState("");
  const [notifySms, setNotifySms] = useState(true);
  const [running, setRunning] = useState(false);
  const hospitalId = record?.siteId as string | undefined;
  const visitors = useHospitalVisitors(hospitalId, open);
  if (!record) return null;
  const others = visitors.filter((v) => v.id !== record.assigneeId);

  async function reassign() {
    if (!record) return;
    setRunning(true);
    try {
      await runMutation(REASSIGN, "reassignVisit", {
        id: record.id,
        expectedVersion: record.version,
        visitorId,
        reason: reason.trim() || undefined,
        notifySms,
      });
      notify(translate("clinigraph.transitions.success", { event: label }), { type: "success" });
      setOpen(false);
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    } finally {
      setRunning(false);
      refresh();
    }
  }

  return (
    <>
      <Button size="small" variant="contained" data-event="REASSIGN" disabled={held} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <Dialog open onClose={running ? undefined : () => setOpen(false)} fullWidth maxWidth="xs">
          <DialogTitle>
            {translate("clinigraph.transitions.confirm_title", { event: label, name: record.number })}
          </DialogTitle>
          <DialogContent>
            <VisitorSelect visitors={others} value={visitorId} onChange={setVisitorId} testId="reassign" required />
            <TextField
              fullWidth
              multiline
              minRows={2}
              margin="dense"
              label={translate("clinigraph.transitions.reason")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <NotifySmsField checked={notifySms} onChange={setNotifySms} testId="reassign" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={running}>
              {translate("ra.action.cancel")}
            </Button>
            <Button variant="contained" disabled={running || !visitorId} onClick={() => void reassign()}>
              {label}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
