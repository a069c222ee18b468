import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import type { RJSFSchema } from "@rjsf/utils";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { request } from "../data/api";
import { FormPreview } from "./FormPreview";
import { CREATE, CREATE_VERSION, type MutationAnswer, type TemplateRow } from "./queries";

/** A starting point for a new specialty: one required text field, as the seeded forms begin. */
const STARTER = {
  type: "object",
  additionalProperties: false,
  required: ["diagnosis"],
  properties: {
    diagnosis: { type: "string", minLength: 3, maxLength: 2000 },
    notes: { type: "string", maxLength: 4000 },
  },
};

/** The schema text parsed, or why it cannot be: the preview and Save wait for valid JSON of an object form. */
function parse(text: string): { schema: RJSFSchema | null; problem: string | null } {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== "object" || Array.isArray(value)) return { schema: null, problem: "not_object" };
    return { schema: value as RJSFSchema, problem: null };
  } catch {
    return { schema: null, problem: "not_json" };
  }
}

/**
 * Writes a form template: a new specialty (version 1), or an edit of the latest version,
 * saved as the next version (active at once unless kept as a draft). Beside the JSON
 * Schema, the live preview shows the form partners will fill.
 */
export function FormTemplateEditor({ base, onClose }: { base: TemplateRow | null; onClose: () => void }) {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`clinigraph.form_template_admin.${key}`, options);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [specialty, setSpecialty] = useState(base?.specialty ?? "");
  const [title, setTitle] = useState(base?.title ?? "");
  const [text, setText] = useState(JSON.stringify(base?.schema ?? STARTER, null, 2));
  const [activate, setActivate] = useState(true);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const { schema, problem } = useMemo(() => parse(text), [text]);

  const save = async () => {
    if (!schema) return;
    setSaving(true);
    setErrors([]);
    try {
      const answer = base
        ? (
            await request<{ createFormTemplateVersion: MutationAnswer }>(CREATE_VERSION, {
              input: { id: base.id, title, schema, activate },
            })
          ).createFormTemplateVersion
        : (await request<{ createFormTemplate: MutationAnswer }>(CREATE, { input: { specialty, title, schema } }))
            .createFormTemplate;
      if (answer.userErrors.length) {
        setErrors(answer.userErrors.map((e) => e.message));
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ["formTemplateAdmin"] });
      await queryClient.invalidateQueries({ queryKey: ["formTemplates"] });
      notify(t("saved"), { type: "success" });
      onClose();
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-testid="form-template-dialog">
      <DialogTitle>
        {base
          ? t("new_version_of", {
              specialty: translate(`clinigraph.specialties.${base.specialty}`, { _: base.specialty }),
              version: base.templateVersion + 1,
            })
          : t("create")}
      </DialogTitle>
      <DialogContent>
        <Stack direction={{ xs: "column", md: "row" }} spacing={3} sx={{ pt: 1 }}>
          <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
            <TextField
              label={t("specialty")}
              value={specialty}
              disabled={!!base}
              helperText={base ? undefined : t("specialty_hint", { example: "dermatology" })}
              onChange={(e) => setSpecialty(e.target.value)}
              slotProps={{ htmlInput: { "data-testid": "form-template-specialty" } }}
            />
            <TextField
              label={t("title")}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              slotProps={{ htmlInput: { "data-testid": "form-template-title" } }}
            />
            <TextField
              label={t("schema")}
              value={text}
              multiline
              minRows={14}
              maxRows={28}
              error={!!problem}
              helperText={problem ? t(`schema_${problem}`) : t("schema_hint")}
              onChange={(e) => setText(e.target.value)}
              // JSON is written left to right whatever the page's direction
              slotProps={{
                htmlInput: {
                  "data-testid": "form-template-schema",
                  dir: "ltr",
                  spellCheck: false,
                  style: { fontFamily: "monospace", fontSize: 13 },
                },
              }}
            />
            {base && (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={activate}
                    onChange={(e) => setActivate(e.target.checked)}
                    slotProps={{ input: { "data-testid": "form-template-activate" } as never }}
                  />
                }
                label={t("activate_now")}
              />
            )}
            {errors.length > 0 && (
              <Alert severity="error" data-testid="form-template-errors">
                {errors.map((message) => (
                  <div key={message}>
                    <bdi>{message}</bdi>
                  </div>
                ))}
              </Alert>
            )}
          </Stack>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="subtitle2" gutterBottom>
              {t("preview")}
            </Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {t("preview_hint")}
            </Typography>
            {schema ? <FormPreview schema={schema} /> : <Alert severity="info">{t("preview_waiting")}</Alert>}
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={saving || !schema || !title.trim() || (!base && !specialty.trim())}
          data-testid="form-template-save"
        >
          {translate("ra.action.save")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
