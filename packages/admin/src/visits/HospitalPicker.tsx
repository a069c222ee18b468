import { MenuItem, TextField } from "@mui/material";
import { useGetList, useTranslate } from "react-admin";

/** The hospitals whose pending visits can be assigned. */
export function HospitalPicker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const translate = useTranslate();
  const { data: hospitals = [] } = useGetList("organizations", {
    filter: { kind: "HOSPITAL" },
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
  });
  return (
    <TextField
      select
      size="small"
      sx={{ minWidth: 280 }}
      label={translate("clinigraph.visits.hospital")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { "data-testid": "assignment-hospital" } }}
    >
      {hospitals.map((hospital) => (
        <MenuItem key={hospital.id} value={String(hospital.id)}>
          {String(hospital.name)}
        </MenuItem>
      ))}
    </TextField>
  );
}
