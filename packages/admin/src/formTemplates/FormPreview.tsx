import { Alert } from "@mui/material";
import Form from "@rjsf/mui";
import { TranslatableString, type RJSFSchema, type RJSFValidationError, type UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Component, useMemo, useState, type ReactNode } from "react";
import { useTranslate } from "react-admin";
import { humanize } from "../fields/format";

type Translate = ReturnType<typeof useTranslate>;
type Property = { title?: string; enum?: unknown[]; type?: string | string[] };

/**
 * Field labels and choices in the reader's language, as a report is shown
 * (clinigraph.form.fields / values), falling back to the schema's own title.
 */
export function localizedUiSchema(schema: RJSFSchema, translate: Translate): UiSchema {
  const properties = (schema.properties ?? {}) as Record<string, Property>;
  const ui: UiSchema = { "ui:submitButtonOptions": { norender: true } };
  for (const [key, property] of Object.entries(properties)) {
    if (!property || typeof property !== "object") continue;
    const entry: Record<string, unknown> = {
      "ui:title": translate(`clinigraph.form.fields.${key}`, { _: property.title ?? humanize(key) }),
    };
    if (Array.isArray(property.enum))
      entry["ui:enumNames"] = property.enum.map((value) =>
        translate(`clinigraph.form.values.${key}.${String(value)}`, { _: humanize(String(value)) }),
      );
    ui[key] = entry;
  }
  return ui;
}

/** The validator's messages said in the reader's language, by keyword (what the API would refuse). */
export function localizedErrors(translate: Translate) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      const params = (error.params ?? {}) as Record<string, unknown>;
      const message = translate(`clinigraph.form_template_admin.errors.${error.name}`, {
        _: error.message ?? "",
        limit: params.limit ?? "",
        format: params.format ?? "",
        pattern: params.pattern ?? "",
        type: params.type ?? "",
      });
      return { ...error, message, stack: `${error.property ?? ""} ${message}`.trim() };
    });
}

const STRINGS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: "ra.boolean.true",
  [TranslatableString.NoLabel]: "ra.boolean.false",
  [TranslatableString.ErrorsLabel]: "clinigraph.form_template_admin.errors_label",
  [TranslatableString.ClearLabel]: "ra.action.clear_input_value",
};

/** A schema that throws while rendering shows a message instead of taking the page down. */
class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The form a partner will fill, rendered from the schema with @rjsf/mui and validated as
 * the user types with ajv (the validator the API uses), so the author sees the
 * required fields, limits and choices before saving.
 */
export function FormPreview({ schema }: { schema: RJSFSchema }) {
  const translate = useTranslate();
  const [formData, setFormData] = useState<unknown>({});
  const uiSchema = useMemo(() => localizedUiSchema(schema, translate), [schema, translate]);
  const transformErrors = useMemo(() => localizedErrors(translate), [translate]);
  const translateString = (key: TranslatableString, params?: string[]) => {
    const own = STRINGS[key];
    if (own) return translate(own);
    return params?.reduce((text, value, i) => text.replace(`%${i + 1}`, value), key as string) ?? key;
  };
  return (
    <PreviewBoundary
      key={JSON.stringify(schema)}
      fallback={<Alert severity="warning">{translate("clinigraph.form_template_admin.preview_failed")}</Alert>}
    >
      <div data-testid="form-template-preview">
        <Form
          schema={schema}
          uiSchema={uiSchema}
          validator={validator}
          formData={formData}
          onChange={(e) => setFormData(e.formData)}
          liveValidate="onChange"
          showErrorList={false}
          noHtml5Validate
          transformErrors={transformErrors}
          translateString={translateString}
        />
      </div>
    </PreviewBoundary>
  );
}
