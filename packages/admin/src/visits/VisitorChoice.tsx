import { Checkbox, FormControlLabel, MenuItem, TextField } from "@mui/material";
import { useGetList, useTranslate, type RaRecord } from "react-admin";

/** The active visitors covering a hospital, by name: whom a field visit may go to. */
export function useHospitalVisitors(hospitalId: string | undefined, enabled = true): RaRecord[] {
  const { data = [] } = useGetList(
    "users",
    {
      filter: { role: "VISITOR", hospitalId, active: true },
      pagination: { page: 1, perPage: 100 },
      sort: { field: "name", order: "ASC" },
    },
    { enabled: enabled && Boolean(hospitalId) },
  );
  return data;
}

/** The visitor select of the assign and reassign dialogs (`<testId>-visitor` for the tests). */
export function VisitorSelect(props: {
  visitors: RaRecord[];
  value: string;
  onChange(visitorId: string): void;
  testId: string;
  required?: boolean;
}) {
  const translate = useTranslate();
  return (
    <TextField
      select
      fullWidth
      margin="dense"
      required={props.required}
      label={translate("clinigraph.visits.visitor")}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ htmlInput: { "data-testid": `${props.testId}-visitor` } }}
    >
      {props.visitors.map((visitor) => (
        <MenuItem key={visitor.id} value={String(visitor.id)}>
          {String(visitor.name)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Whether the visitor is told by SMS (`<testId>-sms`). */
export function NotifySmsField(props: { checked: boolean; onChange(checked: boolean): void; testId: string }) {
  const translate = useTranslate();
  return (
    <FormControlLabel
      control={
        <Checkbox
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          slotProps={{ input: { "aria-label": "sms" } }}
          data-testid={`${props.testId}-sms`}
        />
      }
      label={translate("clinigraph.visits.notify_sms")}
    />
  );
}
