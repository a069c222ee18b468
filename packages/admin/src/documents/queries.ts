/** The documents of a claim, a visit or a case, as the API serves them (SPEC §8 "Documents"). */
export interface DocumentRow {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  scanKey: string;
  note: string | null;
  createdAt: string;
  downloadPath: string;
  documentType: { code: string; name: string };
}

export interface ChecklistItem {
  present: boolean;
  documentCount: number;
  documentType: { code: string; name: string };
}

const DOCUMENT_FIELDS = "id fileName contentType size scanKey note createdAt downloadPath documentType { code name }";

export const CLAIM_DOCUMENTS = `query ClaimDocuments($id: ID!) {
  claim(id: $id) { id documents { ${DOCUMENT_FIELDS} } documentChecklist { present documentCount documentType { code name } } }
}`;

export const VISIT_DOCUMENTS = `query VisitDocuments($id: ID!) {
  visit(id: $id) { id documents { ${DOCUMENT_FIELDS} } }
}`;

export const DOCUMENT_TYPES = `query DocumentTypes { documentTypes { id code name } }`;

export const ATTACH_DOCUMENT = `mutation AttachDocument($input: AttachDocumentInput!) {
  attachDocument(input: $input) { document { id } userErrors { code field message } }
}`;
