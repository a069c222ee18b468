import AddIcon from "@mui/icons-material/Add";
import EditIcon from "@mui/icons-material/Edit";
import VisibilityIcon from "@mui/icons-material/Visibility";
import {
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import type { RJSFSchema } from "@rjsf/utils";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useLocaleState, useNotify, useTranslate } from "react-admin";
import { request } from "../data/api";
import { formatDate } from "../fields/format";
import { FormPreview } from "./FormPreview";
import { FormTemplateEditor } from "./FormTemplateEditor";
import { ACTIVATE, RETIRE, TEMPLATES, bySpecialty, type MutationAnswer, type TemplateRow } from "./queries";

type Editing = { base: TemplateRow | null } | null;

/**
 * The specialties' report forms (ADMIN, OPERATOR): each specialty with its versions, newest
 * first; a new specialty, an edit saved as the next version, a preview of any version, and
 * which version is in force. Reports keep the version they were filled against.
 */
export default function FormTemplatesPage() {
  const translate = useTranslate();
  const t = (key: string, options?: object) => translate(`clinigraph.form_template_admin.${key}`, options);
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["formTemplateAdmin"],
    queryFn: () => request<{ formTemplates: TemplateRow[] }>(TEMPLATES),
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [previewing, setPreviewing] = useState<TemplateRow | null>(null);
  const groups = bySpecialty(data?.formTemplates ?? []);
  const specialtyName = (s: string) => translate(`clinigraph.specialties.${s}`, { _: s });

  const change = async (row: TemplateRow, mutation: "activate" | "retire") => {
    try {
      const input = { id: row.id, expectedVersion: row.version };
      const answer =
        mutation === "activate"
          ? (await request<{ activateFormTemplate: MutationAnswer }>(ACTIVATE, { input })).activateFormTemplate
          : (await request<{ retireFormTemplate: MutationAnswer }>(RETIRE, { input })).retireFormTemplate;
      if (answer.userErrors.length) {
        notify(answer.userErrors.map((e) => e.message).join(" "), { type: "error" });
        return;
      }
      notify(t(mutation === "activate" ? "activated" : "retired"), { type: "success" });
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      await queryClient.invalidateQueries({ queryKey: ["formTemplateAdmin"] });
      await queryClient.invalidateQueries({ queryKey: ["formTemplates"] });
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="form-templates-page">
      <Title title={translate("clinigraph.menu.formTemplates")} />
      <CardContent>
        <Stack direction="row" sx={{ mb: 1, justifyContent: "space-between", alignItems: "center" }}>
          <Typography variant="body2" color="text.secondary">
            {t("intro")}
          </Typography>
          <Button startIcon={<AddIcon />} onClick={() => setEditing({ base: null })} data-testid="form-template-create">
            {t("create")}
          </Button>
        </Stack>
        {groups.map(([specialty, versions]) => (
          <section key={specialty} data-testid={`form-template-${specialty}`}>
            <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: "center" }}>
              <Typography variant="h6">{specialtyName(specialty)}</Typography>
              <Button
                size="small"
                startIcon={<EditIcon />}
                onClick={() => setEditing({ base: versions[0]! })}
                data-testid={`form-template-edit-${specialty}`}
              >
                {t("new_version")}
              </Button>
            </Stack>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("version")}</TableCell>
                  <TableCell>{t("title")}</TableCell>
                  <TableCell>{t("state")}</TableCell>
                  <TableCell>{t("created")}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.map((row) => (
                  <TableRow key={row.id} data-testid={`form-template-${specialty}-v${row.templateVersion}`}>
                    <TableCell>{row.templateVersion}</TableCell>
                    <TableCell>
                      <bdi>{row.title}</bdi>
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={row.active ? "success" : "default"}
                        label={t(row.active ? "active" : "inactive")}
                      />
                    </TableCell>
                    <TableCell>
                      {formatDate(row.createdAt, locale, true)}
                      {row.createdByName && (
                        <>
                          {" · "}
                          <bdi>{row.createdByName}</bdi>
                        </>
                      )}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                      <Button
                        size="small"
                        startIcon={<VisibilityIcon />}
                        onClick={() => setPreviewing(row)}
                        data-testid={`form-template-preview-${specialty}-v${row.templateVersion}`}
                      >
                        {t("preview")}
                      </Button>
                      {row.active ? (
                        <Button
                          size="small"
                          color="warning"
                          onClick={() => void change(row, "retire")}
                          data-testid={`form-template-retire-${specialty}-v${row.templateVersion}`}
                        >
                          {t("retire")}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => void change(row, "activate")}
                          data-testid={`form-template-activate-${specialty}-v${row.templateVersion}`}
                        >
                          {t("activate")}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ))}
      </CardContent>
      {editing && <FormTemplateEditor base={editing.base} onClose={() => setEditing(null)} />}
      {previewing && (
        <Dialog open onClose={() => setPreviewing(null)} fullWidth maxWidth="sm">
          <DialogTitle>
            {translate("clinigraph.form.title", {
              specialty: specialtyName(previewing.specialty),
              version: previewing.templateVersion,
            })}
          </DialogTitle>
          <DialogContent>
            <FormPreview schema={previewing.schema as RJSFSchema} />
          </DialogContent>
        </Dialog>
      )}
    </Card>
  );
}
