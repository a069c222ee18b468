import { Card, CardContent, CardHeader, Chip, Divider, Link as MuiLink, Stack, Typography } from "@mui/material";
import { Link } from "react-router-dom";
import type { ReactNode } from "react";
import { useLocaleState, useTranslate } from "react-admin";
import { formatDate } from "../fields/format";
import { FilePreview } from "../orders/FilePreview";
import type { ChecklistItem, DocumentRow } from "./queries";
import { documentTypeName } from "./documentTypeName";

/**
 * Documents with their type and scan key, each previewed and downloadable through its
 * own door (/documents/:id/file, audited); above them the claim's checklist, when given.
 */
export function DocumentsPanel({
  documents,
  checklist,
  testId,
  children,
  openLinks = true,
}: {
  /** link each document to its own page (operator staff) */
  openLinks?: boolean;
  documents: DocumentRow[];
  checklist?: ChecklistItem[];
  testId: string;
  children?: ReactNode;
}) {
  const translate = useTranslate();
  const typeName = (t: { code: string; name: string }) => documentTypeName(translate, t);
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" data-testid={testId} sx={{ m: 2 }}>
      <CardHeader title={translate("clinigraph.documents.title")} />
      <CardContent>
        {checklist && checklist.length > 0 && (
          <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: "wrap" }} data-testid="document-checklist">
            <Typography variant="body2">{translate("clinigraph.documents.checklist")}:</Typography>
            {checklist.map((item) => (
              <Chip
                key={item.documentType.code}
                size="small"
                color={item.present ? "success" : "warning"}
                data-present={item.present}
                label={`${typeName(item.documentType)} · ${translate(
                  item.present ? "clinigraph.documents.present" : "clinigraph.documents.missing",
                )}`}
              />
            ))}
          </Stack>
        )}
        {documents.length === 0 && <Typography>{translate("clinigraph.documents.none")}</Typography>}
        <Stack spacing={2} divider={<Divider />}>
          {documents.map((doc) => (
            <Stack key={doc.id} spacing={1} data-testid={`document-${doc.id}`}>
              <Stack direction="row" spacing={1} sx={{ alignItems: "baseline", flexWrap: "wrap" }}>
                <Typography variant="subtitle1">
                  {typeName(doc.documentType)} · <bdi dir="ltr">{doc.scanKey}</bdi> ·{" "}
                  {formatDate(doc.createdAt, locale, true)}
                </Typography>
                {openLinks && (
                  <MuiLink component={Link} to={`/documents/${doc.id}/show`} data-testid="document-open">
                    {translate("clinigraph.reference_pages.document.open")}
                  </MuiLink>
                )}
              </Stack>
              {doc.note && <Typography variant="body2">{doc.note}</Typography>}
              <FilePreview file={doc} path={doc.downloadPath} />
            </Stack>
          ))}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}
