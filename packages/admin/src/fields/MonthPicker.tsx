import { MenuItem, TextField, type SxProps } from "@mui/material";
import { useMemo } from "react";
import { useLocaleState } from "react-admin";
import { formatMonth } from "./format";

/** How far back a month can be chosen: five years of statistics. */
const MONTHS_BACK = 60;

/** "2026-12", "2026-11", … back `count` months from `now`'s month, newest first. */
export function monthsBack(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

/**
 * A statistics month ("YYYY-MM") chosen from a list named in the console's language, not
 * the browser's: a native month input follows the browser locale, so a Persian reader got
 * Gregorian months in Latin digits. In فارسی each month reads as the Solar Hijri month
 * holding its middle (مهر ۱۴۰۵), as the charts' axes do.
 */
export function MonthPicker({
  value,
  onChange,
  label,
  testId,
  sx,
}: {
  value: string;
  onChange: (month: string) => void;
  label: string;
  testId?: string;
  sx?: SxProps;
}) {
  const [locale] = useLocaleState();
  const months = useMemo(() => {
    const list = monthsBack(new Date(), MONTHS_BACK);
    return list.includes(value) ? list : [value, ...list];
  }, [value]);
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
      sx={{ minWidth: 180, ...sx }}
      slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } } } }}
    >
      {months.map((month) => (
        <MenuItem key={month} value={month}>
          <bdi>{formatMonth(month, locale, "long")}</bdi>
        </MenuItem>
      ))}
    </TextField>
  );
}
