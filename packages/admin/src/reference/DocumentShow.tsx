import { Box, Card, CardContent, CardHeader, Chip, Link as MuiLink, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  ReferenceField,
  Show,
  useGetOne,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { Link } from "react-router-dom";
import { request } from "../data/api";
import { documentTypeName } from "../documents/documentTypeName";
import { formatDate, formatNumber } from "../fields/format";
import { FilePreview } from "../orders/FilePreview";

interface Version {
  id: string;
  createdAt: string;
  removedAt: string | null;
  removalReason: string | null;
  replacedById: string | null;
  replacesId: string | null;
  fileName: string;
}

const VERSIONS = `query DocumentVersions($filter: DocumentFilter) {
  documents(first: 100, filter: $filter) { nodes { id createdAt removedAt removalReason replacedById replacesId fileName } }
}`;

/** The upload chain the document belongs to, newest first: what it replaced and what replaced it. */
export function versionChain(current: Version, all: Version[]): Version[] {
  const byId = new Map(all.map((v) => [v.id, v]));
  byId.set(current.id, { ...byId.get(current.id), ...current });
  const chain = [byId.get(current.id)!];
  const seen = new Set([current.id]);
  for (let v = chain[0]; v.replacesId && byId.has(v.replacesId) && !seen.has(v.replacesId);) {
    v = byId.get(v.replacesId)!;
    seen.add(v.id);
    chain.push(v);
  }
  for (let v = chain[0]; v.replacedById && byId.has(v.replacedById) && !seen.has(v.replacedById);) {
    v = byId.get(v.replacedById)!;
    seen.add(v.id);
    chain.unshift(v);
  }
  return chain;
}

/** A byte count in the reader's digits and units (kB, MB). */
function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024) return formatNumber(bytes, locale, { style: "unit", unit: "byte" });
  if (bytes < 1024 * 1024)
    return formatNumber(bytes / 1024, locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  return formatNumber(bytes / 1024 / 1024, locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

function Owner() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const links: { to: string; label: string; testId: string }[] = [];
  if (record.claimId)
    links.push({
      to: `/claims/${record.claimId}/show`,
      label: translate("clinigraph.reference_pages.document.claim"),
      testId: "document-claim",
    });
  if (record.visitId)
    links.push({
      to: `/visits/${record.visitId}/show`,
      label: translate("clinigraph.reference_pages.document.visit"),
      testId: "document-visit",
    });
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2" color="text.secondary">
        {translate("clinigraph.reference_pages.document.filed_under")}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", alignItems: "baseline" }}>
        {record.caseId && (
          <span data-testid="document-case">
            {translate("resources.cases.name", { smart_count: 1 })}{" "}
            <ReferenceField source="caseId" reference="cases" link="show" />
          </span>
        )}
        {links.map((l) => (
          <MuiLink key={l.to} component={Link} to={l.to} data-testid={l.testId}>
            <bdi>{l.label}</bdi>
          </MuiLink>
        ))}
      </Stack>
      <Typography variant="body2">
        {translate("clinigraph.reference_pages.document.scan_key")}: <bdi dir="ltr">{record.scanKey}</bdi>
      </Typography>
    </Stack>
  );
}

function Attached() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const orgId = record?.attachedByOrganizationId as string | undefined;
  const { data: org } = useGetOne(
    "organizations",
    { id: orgId ?? "" },
    { enabled: Boolean(orgId) && record?.attachedByKind === "PARTNER" },
  );
  if (!record) return null;
  const when = formatDate(record.createdAt, locale, true);
  const text =
    record.attachedByKind === "PARTNER"
      ? translate("clinigraph.reference_pages.document.attached_by_partner", { organization: org?.name ?? "…", when })
      : translate("clinigraph.reference_pages.document.attached_by_staff", { when });
  return <Typography data-testid="document-attached">{text}</Typography>;
}

function Versions() {
  const record = useRecordContext() as
    | (RaRecord & Version & { claimId?: string; visitId?: string; caseId?: string; documentType: { code: string } })
    | undefined;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filter = record
    ? {
        ...(record.claimId
          ? { claimId: record.claimId }
          : record.visitId
            ? { visitId: record.visitId }
            : { caseId: record.caseId }),
        documentType: [record.documentType.code],
        includeRemoved: true,
      }
    : null;
  const { data } = useQuery({
    queryKey: ["documentVersions", record?.id, record?.version],
    queryFn: () => request<{ documents: { nodes: Version[] } }>(VERSIONS, { filter }),
    enabled: Boolean(record && (record.claimId || record.visitId || record.caseId)),
  });
  if (!record) return null;
  const chain = versionChain(record, data?.documents.nodes ?? []);
  const status = (v: Version) => {
    const when = v.removedAt ? formatDate(v.removedAt, locale, true) : "";
    if (v.replacedById) return translate("clinigraph.reference_pages.document.replaced", { when });
    if (v.removedAt)
      return translate("clinigraph.reference_pages.document.removed", { when, reason: v.removalReason ?? "" });
    return translate("clinigraph.reference_pages.document.current");
  };
  return (
    <Card variant="outlined" data-testid="document-versions">
      <CardHeader
        title={translate("clinigraph.reference_pages.document.history")}
        slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }}
      />
      <CardContent>
        <Stack component="ol" spacing={1} sx={{ m: 0, ps: 3 }}>
          {chain.map((v) => (
            <li key={v.id} data-testid="document-version" data-current={v.id === record.id}>
              <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
                {v.id === record.id ? (
                  <Typography component="span" sx={{ fontWeight: 600 }}>
                    <bdi>{v.fileName}</bdi>
                  </Typography>
                ) : (
                  <MuiLink component={Link} to={`/documents/${v.id}/show`}>
                    <bdi>{v.fileName}</bdi>
                  </MuiLink>
                )}
                <Typography component="span" variant="body2" color="text.secondary">
                  {formatDate(v.createdAt, locale, true)}
                </Typography>
                <Chip size="small" label={status(v)} color={!v.removedAt && !v.replacedById ? "success" : "default"} />
              </Stack>
            </li>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

function DocumentPage() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const typeName = documentTypeName(translate, record.documentType);
  return (
    <Box sx={{ display: "grid", gap: 2, p: 2, gridTemplateColumns: { xs: "1fr", md: "minmax(280px, 1fr) 2fr" } }}>
      <Stack spacing={2}>
        <Card variant="outlined" data-testid="section-summary">
          <CardContent>
            <Stack spacing={1}>
              <Typography variant="h6" component="h2" data-testid="document-type">
                {typeName}
              </Typography>
              {record.note && <Typography>{record.note}</Typography>}
              <Attached />
              <Owner />
            </Stack>
          </CardContent>
        </Card>
        <Versions />
      </Stack>
      <Card variant="outlined" data-testid="document-file">
        <CardHeader
          title={translate("clinigraph.reference_pages.document.file")}
          slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }}
        />
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate("clinigraph.reference_pages.document.details", {
              format: record.contentType,
              size: fileSize(record.size, locale),
            })}
          </Typography>
          <FilePreview file={record as never} path={record.downloadPath} />
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ display: "block", mt: 1, overflowWrap: "anywhere" }}
          >
            {translate("clinigraph.reference_pages.document.checksum")}: <bdi dir="ltr">{record.sha256}</bdi>
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
}

/** A document: what it is and where it is filed, who attached it when, the file itself, and its versions. */
function DocumentTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {translate("resources.documents.name", { smart_count: 1 })} · {documentTypeName(translate, record.documentType)} ·{" "}
      <bdi>{record.fileName}</bdi>
    </span>
  );
}

export default function DocumentShow() {
  return (
    <Show title={<DocumentTitle />}>
      <DocumentPage />
    </Show>
  );
}
