import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { NotifySmsField, useHospitalVisitors, VisitorSelect } from "./VisitorChoice";

interface Props {
  hospitalId: string;
  count: number;
  running: boolean;
  onCancel(): void;
  onConfirm(visitorId: string, notifySms: boolean): void;
}

/** Picks a visitor among those covering the hospital, and whether to text them. */
export function AssignDialog({ hospitalId, count, running, onCancel, onConfirm }: Props) {
  const translate = useTranslate();
  const [visitorId, setVisitorId] = useState("");
  const [notifySms, setNotifySms] = useState(true);
  const visitors = useHospitalVisitors(hospitalId);

  return (
    <Dialog open onClose={running ? undefined : onCancel} fullWidth maxWidth="xs">
      <DialogTitle>{translate("clinigraph.visits.assign_title", { smart_count: count })}</DialogTitle>
      <DialogContent>
        <VisitorSelect visitors={visitors} value={visitorId} onChange={setVisitorId} testId="assign" />
        <NotifySmsField checked={notifySms} onChange={setNotifySms} testId="assign" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={running}>
          {translate("ra.action.cancel")}
        </Button>
        <Button
          variant="contained"
          disabled={running || !visitorId}
          onClick={() => onConfirm(visitorId, notifySms)}
          data-testid="assign-confirm"
        >
          {translate("clinigraph.visits.assign")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
