import { useQuery } from "@tanstack/react-query";
import { useRecordContext } from "react-admin";
import { request } from "../data/api";
import { DocumentsPanel } from "./DocumentsPanel";
import { CLAIM_DOCUMENTS, type ChecklistItem, type DocumentRow } from "./queries";

/** The claim review's documents: every document of the claim (and its case's own), with the checklist. */
export function ClaimDocuments() {
  const record = useRecordContext();
  const { data } = useQuery({
    queryKey: ["claimDocuments", record?.id, record?.version],
    queryFn: () =>
      request<{ claim: { documents: DocumentRow[]; documentChecklist: ChecklistItem[] } | null }>(CLAIM_DOCUMENTS, {
        id: record?.id,
      }),
    enabled: Boolean(record?.id),
  });
  if (!data?.claim) return null;
  return (
    <DocumentsPanel
      testId="claim-documents"
      documents={data.claim.documents}
      checklist={data.claim.documentChecklist}
    />
  );
}
