import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import type { DocumentFilter } from "./document.inputs.js";
import { documentDownloadPath, documentWhere } from "./document.resolver.js";

/**
 * Document on the compiled read path (DocumentType: document-type.read.ts) (platform/read-compiler), with the
 * roots `document(id)` and `documents`. A document's visibility is its own scope rule
 * (document.scope.ts: it follows its claim, visit or case), applied by the compiler as the
 * ORM applies it; its case is read through the case's rule, as the resolver's loader does.
 */
export function registerDocumentReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
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
      documentType: { type: "DocumentType", parentKey: "documentType", childKey: "id" },
      case: { type: "Case", parentKey: "case", childKey: "id" },
    },
  });
  hooks.add(READ_ROOTS, { field: "document", kind: "byId", type: "Document", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "documents",
    kind: "connection",
    type: "Document",
    // The resolver's own where-builder and order (DocumentResolver.documents).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as DocumentFilter | null;
      return Promise.resolve(() => documentWhere(filter) as never);
    },
    sort: () => ({ field: "createdAt", direction: SortDirection.DESC }),
  });
}
