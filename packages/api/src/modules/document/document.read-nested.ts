import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";

/**
 * Document and DocumentType as nested objects of the compiled read path
 * (`Visit.documents`, `Case.documents`): their own columns, the ids of their owners, the
 * download path, the case and the type. Registered by the nested-fields slice of issue 17;
 * the documents roots' slice may widen them.
 */
export const documentReadNested: ReadType = {
  type: "Document",
  entity: "Document",
  columns: [
    "id",
    "scanKey",
    "fileName",
    "contentType",
    "size",
    "sha256",
    "note",
    "attachedByOrganizationId",
    "attachedByKind",
    "removedAt",
    "removalReason",
    "replacedById",
    "replacesId",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    caseId: { needs: ["case"], map: (d) => d.case ?? null },
    claimId: { needs: ["claim"], map: (d) => d.claim ?? null },
    visitId: { needs: ["visit"], map: (d) => d.visit ?? null },
    downloadPath: { needs: ["id"], map: (d) => documentDownloadPath(d.id as string) },
  },
  relations: {
    case: { type: "Case", parentKey: "case", childKey: "id" },
    documentType: { type: "DocumentType", parentKey: "documentType", childKey: "id" },
  },
};

/** Where a document's bytes are read (GET, audited), with the same credentials. */
export function documentDownloadPath(id: string): string {
  return `/documents/${id}/file`;
}

export function registerDocumentNestedReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, documentReadNested);
}
