import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRecordContext } from "react-admin";
import { request } from "../data/api";
import { AttachDocument } from "./AttachDocument";
import { DocumentsPanel } from "./DocumentsPanel";
import { VISIT_DOCUMENTS, type DocumentRow } from "./queries";

/** The materials collected at a visit (photos, invoices), and the control to attach more. */
export function VisitDocuments() {
  const record = useRecordContext();
  const queryClient = useQueryClient();
  const key = ["visitDocuments", record?.id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => request<{ visit: { documents: DocumentRow[] } | null }>(VISIT_DOCUMENTS, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  if (!record?.id || !data?.visit) return null;
  return (
    <DocumentsPanel testId="visit-documents" documents={data.visit.documents}>
      <AttachDocument
        owner={{ visitId: String(record.id) }}
        onAttached={() => void queryClient.invalidateQueries({ queryKey: key })}
      />
    </DocumentsPanel>
  );
}
