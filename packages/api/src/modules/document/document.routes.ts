import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import type { Request, Response } from "express";
import type { Runtime } from "../../platform/http/app.js";
import { forkFor } from "../../platform/db/orm.js";
import { refId } from "../../platform/graphql/loaders.js";
import { StoredFile } from "../order/stored-file.entity.js";
import { fileRoute, HttpError, sendStoredFile, signedIn } from "../order/files/file-responses.js";
import { Document } from "./document.entity.js";

/**
 * GET /documents/:id/file: a document's bytes, for whoever sees the document (its owner's
 * readers, document.scope.ts), audited as `document.download`. A foreign document answers
 * the same 404 as a missing one. The file row is read without the scope: the document
 * grants it (a reviewer reads an agency's invoice it never uploaded).
 */
async function downloadDocument(runtime: Runtime, req: Request, res: Response): Promise<void> {
  const principal = await signedIn(runtime, req);
  const id = String(req.params.id ?? "");
  const notFound = new HttpError(404, PlatformErrorCode.NOT_FOUND, "Document not found.");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound;
  const em = forkFor(runtime.orm, principal);
  const doc = await em.findOne(Document, { id }, { populate: ["documentType"] });
  if (!doc) throw notFound;
  const file = await em.findOne(StoredFile, { id: refId(doc.file)! }, { filters: false });
  if (!file) throw notFound;
  await sendStoredFile(runtime, req, res, {
    principal,
    file,
    // Filed under the scan key: the saved name says which file of papers it belongs to.
    downloadName: `${doc.scanKey}_${doc.documentType.code}_${doc.fileName}`,
    audit: {
      action: "document.download",
      entityType: "Document",
      entityId: doc.id,
      changes: { scanKey: doc.scanKey, documentType: doc.documentType.code },
    },
  });
}

export function documentRoutes(runtime: Runtime): void {
  runtime.app.get("/documents/:id/file", fileRoute(runtime, downloadDocument));
}
