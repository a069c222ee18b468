import type { DomainModule } from "../../platform/composition/module.js";
import { DocumentType } from "./document-type.entity.js";
import { Document } from "./document.entity.js";
import {
  CaseDocumentsResolver,
  ClaimDocumentsResolver,
  DocumentResolver,
  VisitDocumentsResolver,
} from "./document.resolver.js";
import { documentRoutes } from "./document.routes.js";
import { registerDocumentScopes } from "./document.scope.js";
import { registerDocumentTypeReads } from "./document-type.read.js";
import { registerDocumentReads } from "./document.read.js";

/**
 * Supporting documents of cases, claims and visits (SPEC §8 "Documents"): typed from a
 * configurable list, filed under the case's scan key, checked against the claim kind's
 * checklist on SUBMIT (document.checklist.ts), downloaded through GET /documents/:id/file.
 */
export const documentModule: DomainModule = {
  name: "document",
  entities: [DocumentType, Document],
  resolvers: [DocumentResolver, ClaimDocumentsResolver, VisitDocumentsResolver, CaseDocumentsResolver],
  routes: [documentRoutes],
  register(hooks) {
    registerDocumentScopes(hooks);
    registerDocumentReads(hooks);
    registerDocumentTypeReads(hooks);
  },
};
