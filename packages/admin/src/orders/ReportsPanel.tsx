import { Card, CardContent, CardHeader, Divider, Stack, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { formatDate } from "../fields/format";
import { FilePreview } from "./FilePreview";
import { FormReport } from "./FormReport";
import type { Report } from "./queries";

/** The reports the provider attached, newest first: files previewed, forms laid out by their template. */
export function ReportsPanel({ reports }: { reports: Report[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const newestFirst = [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card variant="outlined" data-testid="order-reports">
      <CardHeader title={translate("clinigraph.orders.reports")} />
      <CardContent>
        {newestFirst.length === 0 && <Typography>{translate("clinigraph.orders.no_reports")}</Typography>}
        <Stack spacing={2} divider={<Divider />}>
          {newestFirst.map((report) => (
            <Stack key={report.id} spacing={1} data-testid="order-report" data-kind={report.kind}>
              <Typography variant="subtitle1">
                {translate(`clinigraph.enums.ReportKind.${report.kind}`, { _: report.kind })} ·{" "}
                {report.serviceCode ? `${report.serviceCode} · ` : ""}
                {formatDate(report.createdAt, locale, true)}
              </Typography>
              {report.file && <FilePreview file={report.file} />}
              {report.form && <FormReport report={report} />}
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
