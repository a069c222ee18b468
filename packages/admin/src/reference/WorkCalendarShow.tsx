import ChevronLeft from "@mui/icons-material/ChevronLeft";
import ChevronRight from "@mui/icons-material/ChevronRight";
import {
  Card,
  CardContent,
  CardHeader,
  Chip,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
  useTheme,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EditButton, Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { formatDate, formatNumber } from "../fields/format";
import { resourceMeta } from "../resources/registry";
import { ShowSections } from "../views/ShowSections";

interface Holiday {
  date: string;
  name: string;
  days: number;
}

const HOLIDAYS = `query WorkCalendarHolidays($id: ID!, $year: Int!, $language: Language) {
  workCalendar(id: $id) { id holidays(year: $year, language: $language) { date name days } }
}`;

/** The calendar's working week: its weekend days by name, in the reader's language. */
function Weekend() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const names = translate("clinigraph.reference_pages.calendar.weekdays").split(",");
  return (
    <Card variant="outlined" sx={{ mx: 2 }} data-testid="calendar-weekend">
      <CardHeader
        title={translate("clinigraph.sections.calendar")}
        slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }}
      />
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
          <Typography variant="body2">{translate("clinigraph.fields.weekendDays")}:</Typography>
          {(record.weekendDays as number[]).map((d) => (
            <Chip key={d} size="small" label={names[d] ?? String(d)} />
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Day list of one year from the calendar's own dates (closures, make-up working days). */
function DaysOfYear({
  label,
  dates,
  locale,
  testId,
}: {
  label: string;
  dates: string[];
  locale: string;
  testId: string;
}) {
  if (!dates.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", gap: 1, mt: 2 }} data-testid={testId}>
      <Typography variant="body2">{label}:</Typography>
      {dates.map((d) => (
        <Chip key={d} size="small" variant="outlined" label={formatDate(d, locale, false)} />
      ))}
    </Stack>
  );
}

/**
 * The public holidays the deadlines skip, year by year (date-holidays through the API, named
 * in the reader's language), beside the calendar's own closures and extra working days.
 */
function HolidaysByYear() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [year, setYear] = useState(() => new Date().getFullYear());
  // "previous" points the way the page reads from: right in a right-to-left page
  const rtl = useTheme().direction === "rtl";
  const [Back, Forward] = rtl ? [ChevronRight, ChevronLeft] : [ChevronLeft, ChevronRight];
  const { data, isPending } = useQuery({
    queryKey: ["workCalendarHolidays", record?.id, record?.version, year, locale],
    queryFn: () =>
      request<{ workCalendar: { holidays: Holiday[] } | null }>(HOLIDAYS, { id: record?.id, year, language: locale }),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  const holidays = data?.workCalendar?.holidays ?? [];
  const ofYear = (dates: string[]) => dates.filter((d) => d.startsWith(`${year}-`)).sort();
  const t = (key: string, options?: object) => translate(`clinigraph.reference_pages.calendar.${key}`, options);
  const yearLabel = formatNumber(year, locale, { useGrouping: false });
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="calendar-holidays">
      <CardHeader
        title={t("holidays")}
        slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }}
        action={
          <Stack direction="row" sx={{ alignItems: "center" }}>
            <IconButton
              aria-label={t("previous_year")}
              onClick={() => setYear(year - 1)}
              data-testid="calendar-previous-year"
            >
              <Back />
            </IconButton>
            <Typography data-testid="calendar-year" sx={{ minWidth: 48, textAlign: "center" }}>
              {yearLabel}
            </Typography>
            <IconButton aria-label={t("next_year")} onClick={() => setYear(year + 1)} data-testid="calendar-next-year">
              <Forward />
            </IconButton>
          </Stack>
        }
      />
      <CardContent sx={{ overflowX: "auto", minHeight: 120 }}>
        {!isPending && holidays.length === 0 && <Typography>{t("none", { year: yearLabel })}</Typography>}
        {holidays.length > 0 && (
          <Table size="small">
            <TableBody>
              {holidays.map((h) => (
                <TableRow key={`${h.date}-${h.name}`} data-testid="calendar-holiday">
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDate(h.date, locale, false)}</TableCell>
                  <TableCell>
                    <bdi>{h.name}</bdi>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    {h.days > 1 ? t("days", { smart_count: h.days }) : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <DaysOfYear
          label={t("closures", { year: yearLabel })}
          dates={ofYear(record.closures ?? [])}
          locale={locale}
          testId="calendar-closures"
        />
        <DaysOfYear
          label={t("open_days", { year: yearLabel })}
          dates={ofYear(record.openDays ?? [])}
          locale={locale}
          testId="calendar-open-days"
        />
      </CardContent>
    </Card>
  );
}

/** A work calendar: where it applies, its working week, its holidays by year. */
export default function WorkCalendarShow() {
  const meta = resourceMeta("workCalendars");
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <ShowSections meta={meta} />
      <Weekend />
      <HolidaysByYear />
    </Show>
  );
}
