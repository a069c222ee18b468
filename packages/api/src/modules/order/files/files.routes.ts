import type { Request, Response } from "express";
import busboy from "busboy";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { Runtime } from "../../../platform/http/app.js";
import type { Principal } from "../../../platform/auth/principal.js";
import { AuthenticationError } from "../../../platform/auth/authenticate.js";
import { actorOf } from "../../../platform/auth/principal.js";
import { forkFor } from "../../../platform/db/orm.js";
import { answerDatabaseUnavailable } from "../../../platform/http/database-unavailable.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import { StoredFile } from "../stored-file.entity.js";
import { ALLOWED_CONTENT_TYPES, sanitizeFileName } from "./file-name.js";
import { storageFor } from "./file-storage.js";
import { declaredPixels, looksLikeHtml, MAX_IMAGE_PIXELS } from "./content-checks.js";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendError(res: Response, err: HttpError): void {
  res.status(err.status).json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
}

async function signedIn(runtime: Runtime, req: Request): Promise<Principal> {
  try {
    const principal = await runtime.principalOf(req);
    if (principal.kind === "ANONYMOUS") throw new HttpError(401, "UNAUTHENTICATED", "Sign in or send an API key.");
    return principal;
  } catch (err) {
    if (err instanceof AuthenticationError) throw new HttpError(401, "UNAUTHENTICATED", err.message);
    throw err;
  }
}

interface Upload {
  data: Buffer;
  fileName: string | undefined;
}

/** Reads the single `file` part of a multipart body into memory, refusing it past `limit` bytes. */
function readUpload(req: Request, limit: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limit, fields: 10, parts: 12 } });
    } catch {
      reject(
        new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data in a part named 'file'."),
      );
      return;
    }
    let upload: Upload | null = null;
    let failure: HttpError | null = null;
    parser.on("file", (field, stream, info) => {
      if (field !== "file") {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        failure = new HttpError(413, "FILE_TOO_LARGE", `The file is larger than ${limit} bytes.`);
        // Answer now instead of reading (and discarding) the rest of a huge body.
        chunks.length = 0;
        req.unpipe(parser);
        reject(failure);
      });
      stream.on("close", () => {
        if (!failure) upload = { data: Buffer.concat(chunks), fileName: info.filename };
      });
    });
    parser.on("error", () =>
      reject(new HttpError(400, "MALFORMED_MULTIPART", "The multipart body could not be read.")),
    );
    parser.on("close", () => {
      if (failure) reject(failure);
      else if (!upload) reject(new HttpError(400, "FILE_REQUIRED", "No part named 'file' was sent."));
      else resolve(upload);
    });
    req.pipe(parser);
  });
}

async function upload(runtime: Runtime, req: Request, res: Response): Promise<void> {
  const principal = await signedIn(runtime, req);
  const limit = runtime.config.MAX_UPLOAD_BYTES;
  const declared = Number(req.headers["content-length"] ?? 0);
  // Far over the limit: refuse before reading (multipart overhead is a few hundred bytes).
  if (declared > limit + 64 * 1024)
    throw new HttpError(413, "FILE_TOO_LARGE", `The file is larger than ${limit} bytes.`);
  const { data, fileName } = await readUpload(req, limit);
  if (data.length === 0) throw new HttpError(400, "EMPTY_FILE", "The file is empty.");
  const detected = await fileTypeFromBuffer(data);
  if (!detected || !ALLOWED_CONTENT_TYPES.includes(detected.mime) || looksLikeHtml(data))
    throw new HttpError(
      415,
      "UNSUPPORTED_FILE_TYPE",
      "Only PDF, PNG, JPEG and TIFF documents are accepted (identified by content, never markup).",
    );
  if (detected.mime.startsWith("image/")) {
    const pixels = declaredPixels(data);
    if (pixels === null || pixels > MAX_IMAGE_PIXELS)
      throw new HttpError(
        422,
        "IMAGE_TOO_LARGE",
        `The image header is unreadable or declares more than ${MAX_IMAGE_PIXELS} pixels.`,
      );
  }
  const sha256 = createHash("sha256").update(data).digest("hex");
  const storage = storageFor(runtime.config.FILE_STORAGE_DIR);
  const key = await storage.put(data);
  const em = forkFor(runtime.orm, principal);
  try {
    const file = em.create(StoredFile, {
      fileName: sanitizeFileName(fileName, detected.mime),
      contentType: detected.mime,
      size: data.length,
      sha256,
      storageKey: key,
      uploadedByOrganizationId: actorOf(principal).organizationId,
      uploadedByKind: principal.kind,
    });
    recordAudit(em, principal, String(res.locals.requestId ?? ""), {
      action: "file.upload",
      entityType: "StoredFile",
      entityId: file.id,
      changes: { size: data.length, contentType: detected.mime },
    });
    await em.flush();
    res
      .status(201)
      .json({ id: file.id, sha256, size: data.length, contentType: detected.mime, fileName: file.fileName });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}

async function download(runtime: Runtime, req: Request, res: Response): Promise<void> {
  const principal = await signedIn(runtime, req);
  const id = String(req.params.id ?? "");
  const notFound = new HttpError(404, "NOT_FOUND", "File not found.");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
  const em = forkFor(runtime.orm, principal);
  // The scope filter decides: the uploader's organisation, staff, or a partner who sees an
  // order with a report on this file. Anyone else gets the same 404 as for a missing file.
  const file = await em.findOne(StoredFile, { id });
  if (!file) throw notFound;
  const data = await storageFor(runtime.config.FILE_STORAGE_DIR).get(file.storageKey);
  res.setHeader("content-type", file.contentType);
  res.setHeader("content-length", String(data.length));
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
  res.setHeader("etag", `"${file.sha256}"`);
  res.end(data);
}

function handle(runtime: Runtime, fn: (runtime: Runtime, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await fn(runtime, req, res);
    } catch (err) {
      if (err instanceof HttpError) {
        // Stop reading an upload we refused; the client gets the answer right away.
        if (!req.complete) res.setHeader("connection", "close");
        sendError(res, err);
        return;
      }
      if (answerDatabaseUnavailable(runtime, req, res, err)) return;
      runtime.logger.error({ err }, "file route failed");
      sendError(res, new HttpError(500, "INTERNAL_SERVER_ERROR", "Internal server error."));
    }
  };
}

/** POST /files and GET /files/:id (SPEC §4 Files). */
export function fileRoutes(runtime: Runtime): void {
  runtime.app.post("/files", handle(runtime, upload));
  runtime.app.get("/files/:id", handle(runtime, download));
}
