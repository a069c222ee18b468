import { Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { formatDate, humanize } from "../fields/format";
import { FORM_TEMPLATES, type FormTemplate, type Report } from "./queries";

function display(value: unknown, format: string | undefined, locale: string, yes: string, no: string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? yes : no;
  if (format === "date" && typeof value === "string") return formatDate(value, locale, false);
  if (typeof value === "number") return new Intl.NumberFormat(locale).format(value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A form report laid out by the template version it was validated against. */
export function FormReport({ report }: { report: Report }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ["formTemplates", report.templateSpecialty],
    queryFn: () => request<{ formTemplates: FormTemplate[] }>(FORM_TEMPLATES, { specialty: report.templateSpecialty }),
    staleTime: Infinity,
  });
  const template = data?.formTemplates.find((t) => t.templateVersion === report.templateVersion);
  const form = report.form ?? {};
  type Property = NonNullable<FormTemplate["schema"]["properties"]>[string];
  const properties: Record<string, Property> =
    template?.schema.properties ?? Object.fromEntries(Object.keys(form).map((k) => [k, {}]));
  const yes = translate("ra.boolean.true");
  const no = translate("ra.boolean.false");

  return (
    <>
      {template && (
        <Typography variant="subtitle2">
          {template.title} (v{template.templateVersion})
        </Typography>
      )}
      <Table size="small" data-testid="form-report">
        <TableBody>
          {Object.entries(properties).map(([key, property]) => (
            <TableRow key={key}>
              <TableCell component="th" sx={{ width: "35%" }}>
                {property.title ?? translate(`clinigraph.form_fields.${key}`, { _: humanize(key) })}
              </TableCell>
              <TableCell>{display(form[key], property.format, locale, yes, no)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
