import { Button, MenuItem, Stack, TextField } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { request } from "../data/api";
import type { UserError } from "../data/graphqlClient";
import { ATTACH_DOCUMENT, DOCUMENT_TYPES } from "./queries";
import { uploadFile } from "./upload";
import { documentTypeName } from "./documentTypeName";

/**
 * The upload control: a document type, a file, Attach. Uploads the file (POST /files),
 * then files it on the owner (`attachDocument` with `owner`, e.g. { visitId }); the
 * API's userErrors are shown as they come.
 */
export function AttachDocument({ owner, onAttached }: { owner: Record<string, string>; onAttached: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [type, setType] = useState("PHOTO");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const { data } = useQuery({
    queryKey: ["documentTypes"],
    queryFn: () => request<{ documentTypes: { id: string; code: string; name: string }[] }>(DOCUMENT_TYPES),
    staleTime: 300_000,
  });
  const attach = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const fileId = await uploadFile(file);
      const result = await request<{ attachDocument: { userErrors: UserError[] } }>(ATTACH_DOCUMENT, {
        input: { fileId, documentType: type, ...owner },
      });
      const problem = result.attachDocument.userErrors[0];
      if (problem) throw new Error(problem.message);
      notify("clinigraph.documents.attached", { type: "success" });
      setFile(null);
      if (input.current) input.current.value = "";
      onAttached();
    } catch (error) {
      notify(error instanceof Error ? error.message : "clinigraph.documents.attach_failed", { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack
      direction="row"
      spacing={2}
      sx={{ mt: 2, alignItems: "center", flexWrap: "wrap" }}
      data-testid="attach-document"
    >
      <TextField
        select
        size="small"
        label={translate("clinigraph.documents.type")}
        value={type}
        onChange={(e) => setType(e.target.value)}
        sx={{ minWidth: 200 }}
        slotProps={{ htmlInput: { "data-testid": "attach-document-type" } }}
      >
        {(data?.documentTypes ?? []).map((t) => (
          <MenuItem key={t.code} value={t.code}>
            {documentTypeName(translate, t)}
          </MenuItem>
        ))}
        {!data && <MenuItem value={type}>{documentTypeName(translate, { code: type, name: type })}</MenuItem>}
      </TextField>
      <Button variant="outlined" component="label">
        {file?.name ?? translate("clinigraph.documents.choose_file")}
        <input
          ref={input}
          hidden
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/tiff"
          data-testid="attach-document-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Button>
      <Button
        variant="contained"
        disabled={!file || busy}
        onClick={() => void attach()}
        data-testid="attach-document-submit"
      >
        {translate("clinigraph.documents.attach")}
      </Button>
    </Stack>
  );
}
