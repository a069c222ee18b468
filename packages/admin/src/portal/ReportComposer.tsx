import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from "@mui/material";
import Form from "@rjsf/mui";
import type { RJSFSchema, RJSFValidationError, UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslate } from "react-admin";
import { authorizedUpload, request } from "../data/api";
import { idempotencyKey, runMutation } from "../data/runMutation";
import { humanize } from "../fields/format";
import { ACTIVE_TEMPLATE, ATTACH_REPORT } from "./queries";

interface Template {
  id: string;
  specialty: string;
  templateVersion: number;
  title: string;
  schema: RJSFSchema;
}
type Translate = ReturnType<typeof useTranslate>;

/** Field titles and choices in the reader's language (the template's own are its author's). */
function uiSchemaOf(schema: RJSFSchema, translate: Translate): UiSchema {
  // Postgres' jsonb keeps keys by length, not as written: the required fields lead, in the template's order.
  const ui: UiSchema = {
    "ui:submitButtonOptions": { submitText: translate("clinigraph.portal.send_form") },
    "ui:order": [...(schema.required ?? []), "*"],
  };
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const property = value as RJSFSchema;
    ui[key] = {
      "ui:title": translate(`clinigraph.form.fields.${key}`, { _: property.title ?? humanize(key) }),
      ...(Array.isArray(property.enum)
        ? {
            "ui:enumNames": property.enum.map((v) =>
              translate(`clinigraph.form.values.${key}.${String(v)}`, { _: humanize(String(v)) }),
            ),
          }
        : {}),
    };
  }
  return ui;
}

/** ajv's English messages replaced by the console's words, keyed by the failed keyword. */
function errorsIn(translate: Translate) {
  return (errors: RJSFValidationError[]) =>
    errors.map((error) => ({
      ...error,
      message: translate(`clinigraph.portal.form_errors.${error.name ?? "invalid"}`, {
        _: translate("clinigraph.portal.form_errors.invalid"),
        limit: String((error.params as { limit?: unknown } | undefined)?.limit ?? ""),
      }),
    }));
}

/**
 * Attaches a report to the order: PRELIMINARY or FINAL (only FINAL once rejected), for one
 * requested service when the order has several, as a document or as the specialty's form
 * (¿Desea registrar informe por sistema?), rendered from its JSON Schema and checked by
 * ajv against that schema before the API validates it again.
 */
export function ReportComposer({
  order,
  onAttached,
}: {
  order: { id: string; status: string; specialty: string; requestedCodes: string[] };
  onAttached: () => void;
}) {
  const translate = useTranslate();
  const onlyFinal = order.status === "REJECTED";
  const [kind, setKind] = useState(onlyFinal ? "FINAL" : "PRELIMINARY");
  const [service, setService] = useState(order.requestedCodes[0] ?? "");
  const [mode, setMode] = useState<"document" | "form">("document");
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = useQuery({
    queryKey: ["portalTemplate", order.specialty],
    queryFn: () => request<{ formTemplates: Template[] }>(ACTIVE_TEMPLATE, { specialty: order.specialty }),
    staleTime: Infinity,
  });
  const active = template.data?.formTemplates
    .filter((t) => t.specialty === order.specialty)
    .sort((a, b) => b.templateVersion - a.templateVersion)[0];
  const uiSchema = useMemo(() => (active ? uiSchemaOf(active.schema, translate) : {}), [active, translate]);

  async function attach(content: { fileId?: string; form?: Record<string, unknown> }) {
    setRunning(true);
    setError(null);
    try {
      await runMutation(ATTACH_REPORT, "attachOrderReport", {
        orderId: order.id,
        kind: onlyFinal ? "FINAL" : kind,
        ...(order.requestedCodes.length > 1 ? { serviceCode: service } : {}),
        ...content,
        idempotencyKey: idempotencyKey(),
      });
      setFile(null);
      onAttached();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }

  async function sendDocument() {
    if (!file) return;
    setRunning(true);
    try {
      const uploaded = await authorizedUpload(file);
      await attach({ fileId: uploaded.id });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setRunning(false);
    }
  }

  return (
    <Card variant="outlined" data-testid="report-composer">
      <CardHeader title={translate("clinigraph.portal.attach_title")} />
      <CardContent>
        <Stack spacing={2}>
          <TextField
            select
            label={translate("clinigraph.workflows.report_kind")}
            value={onlyFinal ? "FINAL" : kind}
            disabled={onlyFinal}
            onChange={(e) => setKind(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "portal-report-kind" } }}
          >
            {["PRELIMINARY", "FINAL"].map((k) => (
              <MenuItem key={k} value={k} data-testid={`portal-report-kind-${k}`}>
                {translate(`clinigraph.enums.ReportKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          {order.requestedCodes.length > 1 && (
            <TextField
              select
              label={translate("clinigraph.portal.service")}
              value={service}
              onChange={(e) => setService(e.target.value)}
              slotProps={{ htmlInput: { "data-testid": "portal-report-service" } }}
            >
              {order.requestedCodes.map((code) => (
                <MenuItem key={code} value={code}>
                  {code}
                </MenuItem>
              ))}
            </TextField>
          )}
          <RadioGroup
            row
            value={mode}
            onChange={(e) => setMode(e.target.value as "document" | "form")}
            aria-label={translate("clinigraph.portal.by_system")}
          >
            <FormControlLabel
              value="document"
              control={<Radio />}
              label={translate("clinigraph.portal.as_document")}
              data-testid="portal-mode-document"
            />
            <FormControlLabel
              value="form"
              control={<Radio />}
              disabled={!active}
              label={translate("clinigraph.portal.as_form")}
              data-testid="portal-mode-form"
            />
          </RadioGroup>
          {error && (
            <Alert severity="error" data-testid="portal-report-error">
              {error}
            </Alert>
          )}
          {mode === "document" && (
            <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
              <TextField
                type="file"
                label={translate("clinigraph.workflows.report_file")}
                onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: {
                    accept: "application/pdf,image/png,image/jpeg,image/tiff",
                    "data-testid": "portal-report-file",
                  },
                }}
              />
              <Button
                variant="contained"
                disabled={running || !file}
                onClick={() => void sendDocument()}
                data-testid="portal-send-document"
              >
                {translate("clinigraph.portal.send_document")}
              </Button>
            </Stack>
          )}
          {mode === "form" && active && (
            <div data-testid="portal-report-form">
              <Form
                schema={active.schema}
                uiSchema={uiSchema}
                validator={validator}
                disabled={running}
                showErrorList={false}
                // ajv, not the browser's bubbles: its errors are in the reader's language, beside each field
                noHtml5Validate
                transformErrors={errorsIn(translate)}
                // rjsf would log the failed validation as a console error; the fields show it already
                onError={(errors) =>
                  setError(translate("clinigraph.portal.form_incomplete", { smart_count: errors.length }))
                }
                onSubmit={({ formData }) => void attach({ form: formData as Record<string, unknown> })}
              />
            </div>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
