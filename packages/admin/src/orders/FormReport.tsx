import { Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { formatDate, humanize, intlLocale } from "../fields/format";
import { FORM_TEMPLATES, type FormTemplate, type Report } from "./queries";

type Translate = ReturnType<typeof useTranslate>;

/** A form value in the reader's language: a choice through clinigraph.form.values, numbers and dates by Intl. */
function display(key: string, value: unknown, format: string | undefined, locale: string, translate: Translate) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return translate(value ? "ra.boolean.true" : "ra.boolean.false");
  if (format === "date" && typeof value === "string") return formatDate(value, locale, false);
  if (typeof value === "number") return new Intl.NumberFormat(intlLocale(locale)).format(value);
  if (typeof value === "string" && /^[A-Z][A-Z0-9_]*$/.test(value))
    return translate(`clinigraph.form.values.${key}.${value}`, { _: humanize(value) });
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
  const specialty = report.templateSpecialty;

  return (
    <>
      {template && (
        <Typography variant="subtitle2">
          {/* the template's own title is in its author's language; the reader gets theirs */}
          {translate("clinigraph.form.title", {
            specialty: translate(`clinigraph.specialties.${specialty}`, { _: template.title }),
            version: template.templateVersion,
          })}
        </Typography>
      )}
      <Table size="small" data-testid="form-report">
        <TableBody>
          {Object.entries(properties).map(([key, property]) => (
            <TableRow key={key}>
              <TableCell component="th" sx={{ width: "35%" }}>
                {translate(`clinigraph.form.fields.${key}`, { _: property.title ?? humanize(key) })}
              </TableCell>
              <TableCell>{display(key, form[key], property.format, locale, translate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
