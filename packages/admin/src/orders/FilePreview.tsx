import DownloadIcon from "@mui/icons-material/Download";
import { Box, Button, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTranslate } from "react-admin";
import { authorizedFetch, saveBlob } from "../data/api";
import type { StoredFile } from "./queries";

const PREVIEWABLE = /^(application\/pdf|image\/)/;

/**
 * A report's file fetched with the bearer token (a plain <img src> cannot send
 * it), previewed inline when it is a PDF or an image, and downloadable. `path` reads
 * it through another door (a document's /documents/:id/file).
 */
export function FilePreview({ file, path }: { file: Omit<StoredFile, "downloadPath">; path?: string }) {
  const translate = useTranslate();
  const url_ = path ?? `/files/${file.id}`;
  const { data: blob, error } = useQuery({
    queryKey: ["file", url_],
    queryFn: async () => (await authorizedFetch(url_)).blob(),
    staleTime: Infinity,
  });
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        <Typography variant="body2">
          {file.fileName} · {Math.ceil(file.size / 1024)} kB
        </Typography>
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          disabled={!blob}
          onClick={() => blob && saveBlob(blob, file.fileName)}
        >
          {translate("clinigraph.orders.download")}
        </Button>
      </Stack>
      {error && <Typography color="error">{translate("clinigraph.orders.file_error")}</Typography>}
      {url && PREVIEWABLE.test(file.contentType) && (
        <Box sx={{ border: 1, borderColor: "divider", maxWidth: 800 }}>
          {file.contentType === "application/pdf" ? (
            <iframe title={file.fileName} src={url} style={{ width: "100%", height: 480, border: 0 }} />
          ) : (
            <img alt={file.fileName} src={url} style={{ maxWidth: "100%" }} />
          )}
        </Box>
      )}
    </Stack>
  );
}
