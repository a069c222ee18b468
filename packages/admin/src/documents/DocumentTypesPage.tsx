import {
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from "@mui/material";
import AddIcon from "@mui/icons-material/Add";
import EditIcon from "@mui/icons-material/Edit";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, useTranslate } from "react-admin";
import { request } from "../data/api";
import { documentTypeName } from "./documentTypeName";

const CLAIM_KINDS = ["OUTPATIENT", "INPATIENT", "GLOBAL"] as const;
const FIELDS = "id version code name description requiredForClaimKinds active position";
const LIST = `query DocumentTypeAdmin { documentTypes(all: true) { ${FIELDS} } }`;
const ERRORS = "userErrors { code field message }";
const CREATE = `mutation CreateDocumentType($input: CreateDocumentTypeInput!) { createDocumentType(input: $input) { documentType { id } ${ERRORS} } }`;
const UPDATE = `mutation UpdateDocumentType($input: UpdateDocumentTypeInput!) { updateDocumentType(input: $input) { documentType { id } ${ERRORS} } }`;

interface DocumentTypeRow {
  id: string;
  version: number;
  code: string;
  name: string;
  description: string | null;
  requiredForClaimKinds: string[];
  active: boolean;
  position: number;
}
type Draft = Omit<DocumentTypeRow, "id" | "version"> & { id?: string; version?: number };
const EMPTY: Draft = { code: "", name: "", description: "", requiredForClaimKinds: [], active: true, position: 0 };

/**
 * The configurable document types (ADMIN): the list, a new type, and a type's name,
 * description, the claim kinds that require it before SUBMIT (the checklist), whether it is
 * active and its place in lists.
 */
export default function DocumentTypesPage() {
  const translate = useTranslate();
  const t = (key: string) => translate(`clinigraph.document_type_admin.${key}`);
  const { data } = useQuery({
    queryKey: ["documentTypeAdmin"],
    queryFn: () => request<{ documentTypes: DocumentTypeRow[] }>(LIST),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const rows = data?.documentTypes ?? [];
  return (
    <Card sx={{ mt: 2 }} data-testid="document-types-page">
      <Title title={translate("clinigraph.menu.documentTypes")} />
      <CardContent>
        <Stack direction="row" sx={{ mb: 1, justifyContent: "flex-end" }}>
          <Button startIcon={<AddIcon />} onClick={() => setDraft({ ...EMPTY })} data-testid="document-type-create">
            {t("create")}
          </Button>
        </Stack>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("code")}</TableCell>
              <TableCell>{t("name")}</TableCell>
              <TableCell>{t("required_for")}</TableCell>
              <TableCell>{t("active")}</TableCell>
              <TableCell>{t("position")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid={`document-type-${row.code}`}>
                <TableCell>
                  <bdi>{row.code}</bdi>
                </TableCell>
                <TableCell>{documentTypeName(translate, row)}</TableCell>
                <TableCell>
                  {row.requiredForClaimKinds.map((k) => translate(`clinigraph.enums.ClaimKind.${k}`)).join(", ") || "—"}
                </TableCell>
                <TableCell>{translate(row.active ? "ra.boolean.true" : "ra.boolean.false")}</TableCell>
                <TableCell>{row.position}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    startIcon={<EditIcon />}
                    onClick={() => setDraft({ ...row, description: row.description ?? "" })}
                    data-testid={`document-type-edit-${row.code}`}
                  >
                    {t("edit")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      {draft && <DocumentTypeDialog draft={draft} onClose={() => setDraft(null)} />}
    </Card>
  );
}

function DocumentTypeDialog({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`clinigraph.document_type_admin.${key}`);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<Draft>(draft);
  const [saving, setSaving] = useState(false);
  const creating = !draft.id;
  const set = (patch: Partial<Draft>) => setValue((v) => ({ ...v, ...patch }));
  const toggleKind = (kind: string) =>
    set({
      requiredForClaimKinds: value.requiredForClaimKinds.includes(kind)
        ? value.requiredForClaimKinds.filter((k) => k !== kind)
        : [...value.requiredForClaimKinds, kind],
    });
  const save = async () => {
    setSaving(true);
    const common = {
      name: value.name,
      description: value.description || null,
      requiredForClaimKinds: value.requiredForClaimKinds,
      position: Number(value.position) || 0,
    };
    try {
      const answer = creating
        ? (
            await request<{ createDocumentType: { userErrors: { message: string }[] } }>(CREATE, {
              input: { ...common, code: value.code.trim().toUpperCase() },
            })
          ).createDocumentType
        : (
            await request<{ updateDocumentType: { userErrors: { message: string }[] } }>(UPDATE, {
              input: { ...common, id: draft.id, expectedVersion: draft.version, active: value.active },
            })
          ).updateDocumentType;
      if (answer.userErrors.length) {
        notify(answer.userErrors.map((e) => e.message).join(" "), { type: "error" });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ["documentTypeAdmin"] });
      notify(t("saved"), { type: "success" });
      onClose();
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="document-type-dialog">
      <DialogTitle>{creating ? t("create") : t("edit")}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={t("code")}
            value={value.code}
            disabled={!creating}
            helperText={creating ? t("code_hint") : undefined}
            onChange={(e) => set({ code: e.target.value })}
            slotProps={{ htmlInput: { "data-testid": "document-type-code" } }}
          />
          <TextField
            label={t("name")}
            value={value.name}
            onChange={(e) => set({ name: e.target.value })}
            slotProps={{ htmlInput: { "data-testid": "document-type-name" } }}
          />
          <TextField
            label={t("description")}
            value={value.description ?? ""}
            multiline
            minRows={2}
            onChange={(e) => set({ description: e.target.value })}
          />
          <FormGroup>
            <FormLabel>{t("required_for")}</FormLabel>
            {CLAIM_KINDS.map((kind) => (
              <FormControlLabel
                key={kind}
                control={
                  <Checkbox
                    checked={value.requiredForClaimKinds.includes(kind)}
                    onChange={() => toggleKind(kind)}
                    slotProps={{ input: { "data-testid": `document-type-kind-${kind}` } as never }}
                  />
                }
                label={translate(`clinigraph.enums.ClaimKind.${kind}`)}
              />
            ))}
          </FormGroup>
          {!creating && (
            <FormControlLabel
              control={<Switch checked={value.active} onChange={(e) => set({ active: e.target.checked })} />}
              label={t("active")}
            />
          )}
          <TextField
            label={t("position")}
            type="number"
            value={value.position}
            onChange={(e) => set({ position: Number(e.target.value) })}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={saving || !value.name.trim() || (creating && !value.code.trim())}
          data-testid="document-type-save"
        >
          {translate("ra.action.save")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
