import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRecordContext } from "react-admin";
import { request } from "../data/api";
import { AttachDocument } from "./AttachDocument";
import { DocumentsPanel } from "./DocumentsPanel";
import { CLAIM_DOCUMENTS, type ChecklistItem, type DocumentRow } from "./queries";

/**
 * The claim's documents: every document of the claim (and its case's own), with the
 * checklist; `attach` adds the upload, for the registering partner's portal (whose
 * documents open in place: the document pages are the operator's).
 */
export function ClaimDocuments({ attach = false }: { attach?: boolean }) {
  const record = useRecordContext();
  const queryClient = useQueryClient();
  const key = ["claimDocuments", record?.id, record?.version];
  const { data } = useQuery({
    queryKey: key,
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
      openLinks={!attach}
    >
      {attach && (
        <AttachDocument
          owner={{ claimId: String(record?.id) }}
          onAttached={() => void queryClient.invalidateQueries({ queryKey: key })}
        />
      )}
    </DocumentsPanel>
  );
}
