import { Alert, AlertTitle, Box } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Show, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { StatusTimeline } from "../orders/StatusTimeline";
import type { StatusChange } from "../orders/queries";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { VISIT_ENTRY, type LinkValue, type SavedEntry } from "./findingsQueries";
import { VisitEntries } from "./VisitEntries";
import { FindingsForm } from "./FindingsForm";
import { VisitDocuments } from "../documents/VisitDocuments";

interface VisitEntry {
  id: string;
  returnReason: string | null;
  liabilityLinks: (LinkValue & { id: string })[];
  history: StatusChange[];
  entries: SavedEntry[];
}

/** The reviewer's last return and why (回退原因), while the visit waits for the visitor again. */
function ReturnNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status !== "RETURNED" || !record.returnReason) return null;
  return (
    <Alert severity="warning" sx={{ m: 2, mb: 0 }} data-testid="return-notice">
      <AlertTitle>{translate("clinigraph.findings.returned", { smart_count: record.returnCount ?? 1 })}</AlertTitle>
      <bdi>{record.returnReason}</bdi>
    </Alert>
  );
}

function useVisitEntry() {
  const record = useRecordContext();
  const { data } = useQuery({
    queryKey: ["visitEntry", record?.id, record?.version],
    queryFn: () => request<{ visit: VisitEntry | null }>(VISIT_ENTRY, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  return data?.visit ?? null;
}

/** The findings form while the API lets the caller enter them (the assignee, in SCHEDULED, IN_PROGRESS or RETURNED). */
function VisitFindings() {
  const record = useRecordContext();
  const entry = useVisitEntry();
  const available = (record?.availableTransitions as string[] | undefined) ?? [];
  if (!entry || !(available.includes("SAVE_PRELIMINARY") || available.includes("CONCLUDE"))) return null;
  return <FindingsForm links={entry.liabilityLinks.map(({ policyId, liabilityId }) => ({ policyId, liabilityId }))} />;
}

/** Every transition as a sentence; each save of the findings is one entry (保存 adds one 探访). */
function VisitHistory() {
  const entry = useVisitEntry();
  if (!entry?.history.length) return null;
  return (
    <Box sx={{ m: 2 }}>
      <StatusTimeline history={entry.history} statusEnum="VisitStatus" />
    </Box>
  );
}

/** What each save of the findings changed, beside the status history. */
function VisitSaves() {
  const entry = useVisitEntry();
  return entry ? <VisitEntries entries={entry.entries} /> : null;
}

/**
 * A visit: the return notice, the findings form for its visitor, its sections, the materials
 * collected at it (with the control to attach more) and its history.
 */
export default function VisitShow() {
  const meta = resourceMeta("visits");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <ReturnNotice />
      <VisitFindings />
      <MetaFields meta={meta} />
      <VisitDocuments />
      <VisitSaves />
      <VisitHistory />
    </Show>
  );
}
