import type { EntityClass } from "@mikro-orm/core";
import "./document.scope.js";
import { DocumentType } from "./document-type.entity.js";
import { Document } from "./document.entity.js";
import {
  CaseDocumentsResolver,
  ClaimDocumentsResolver,
  DocumentResolver,
  VisitDocumentsResolver,
} from "./document.resolver.js";

/**
 * Supporting documents of cases, claims and visits (SPEC §8 "Documents"): typed from a
 * configurable list, filed under the case's scan key, checked against the claim kind's
 * checklist on SUBMIT (document.checklist.ts), downloaded through GET /documents/:id/file.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [
  DocumentResolver,
  ClaimDocumentsResolver,
  VisitDocumentsResolver,
  CaseDocumentsResolver,
];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [DocumentType, Document];
export { documentRoutes } from "./document.routes.js";
