import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  TextField,
} from "@mui/material";
import { useState } from "react";
import { useGetList, useTranslate } from "react-admin";

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
  const { data: visitors = [] } = useGetList("users", {
    filter: { role: "VISITOR", hospitalId, active: true },
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
  });

  return (
    <Dialog open onClose={running ? undefined : onCancel} fullWidth maxWidth="xs">
      <DialogTitle>{translate("clinigraph.visits.assign_title", { smart_count: count })}</DialogTitle>
      <DialogContent>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate("clinigraph.visits.visitor")}
          value={visitorId}
          onChange={(e) => setVisitorId(e.target.value)}
          slotProps={{ htmlInput: { "data-testid": "assign-visitor" } }}
        >
          {visitors.map((visitor) => (
            <MenuItem key={visitor.id} value={String(visitor.id)}>
              {String(visitor.name)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Checkbox
              checked={notifySms}
              onChange={(e) => setNotifySms(e.target.checked)}
              slotProps={{ input: { "aria-label": "sms" } }}
              data-testid="assign-sms"
            />
          }
          label={translate("clinigraph.visits.notify_sms")}
        />
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
