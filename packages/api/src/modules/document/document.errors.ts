import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for supporting documents (attachDocument, the claim kind's checklist on SUBMIT). */
export enum DocumentErrorCode {
  REQUIRED_DOCUMENT_MISSING = "REQUIRED_DOCUMENT_MISSING",
  UNKNOWN_DOCUMENT_TYPE = "UNKNOWN_DOCUMENT_TYPE",
  VISIT_WITHOUT_CASE = "VISIT_WITHOUT_CASE",
  DOCUMENT_REMOVED = "DOCUMENT_REMOVED",
}

export const documentErrorCodes = errorCodeSet("Documents", DocumentErrorCode, {
  REQUIRED_DOCUMENT_MISSING:
    "SUBMIT refused: the claim kind requires a document of this type (field: documents.<TYPE CODE>); attach it to the claim or its case. One error per missing type.",
  UNKNOWN_DOCUMENT_TYPE: "No active document type has this code (see documentTypes).",
  VISIT_WITHOUT_CASE:
    "This visit has no case, and its patient no 8-digit customer number or the visit no date, to file the document under.",
  DOCUMENT_REMOVED: "The document was already removed or replaced; its replacement is `replacedById`.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    document: DocumentErrorCode;
  }
}
