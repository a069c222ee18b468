import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { DOCUMENT_TYPE_ORDER, documentTypesWhere } from "./document.resolver.js";

/** DocumentType on the compiled read path (platform/read-compiler), with its root `documentTypes(all)`. */
export function registerDocumentTypeReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "DocumentType",
    entity: "DocumentType",
    columns: [
      "id",
      "code",
      "name",
      "description",
      "requiredForClaimKinds",
      "active",
      "position",
      "version",
      "createdAt",
      "updatedAt",
    ],
  });
  hooks.add(READ_ROOTS, {
    field: "documentTypes",
    kind: "list",
    type: "DocumentType",
    where: (args) => documentTypesWhere(args.all === true),
    orderBy: DOCUMENT_TYPE_ORDER,
  });
}
