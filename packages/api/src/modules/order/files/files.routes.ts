import type { Request, Response } from "express";
import busboy from "busboy";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromFile } from "file-type";
import type { Runtime } from "../../../platform/http/app.js";
import type { Principal } from "../../../platform/auth/principal.js";
import { actorOf } from "../../../platform/auth/principal.js";
import { forkFor } from "../../../platform/db/orm.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import { StoredFile } from "../stored-file.entity.js";
import { ALLOWED_CONTENT_TYPES, sanitizeFileName } from "./file-name.js";
import { storageFor, type FileStorage } from "./file-storage.js";
import { fitsQuota, storedBytes } from "./storage-quota.js";
import { fileError, fileRoute, HttpError, sendStoredFile, signedIn } from "./file-responses.js";
import { declaredPixels, imageHeaderOf, looksLikeHtml, MAX_IMAGE_PIXELS, SNIFF_WINDOW } from "./content-checks.js";
import { PlatformErrorCode } from "../../../platform/errors/platform.errors.js";
import { FileErrorCode } from "./files.errors.js";

interface Upload {
  size: number;
  sha256: string;
  /** The first bytes, for the markup check; the rest is only on disk. */
  head: Buffer;
  fileName: string | undefined;
}

const tooLarge = (limit: number) => fileError(FileErrorCode.FILE_TOO_LARGE, `The file is larger than ${limit} bytes.`);
const quotaExceeded = (quota: number) =>
  fileError(
    FileErrorCode.QUOTA_EXCEEDED,
    `This upload would take your organisation's stored files over its quota of ${quota} bytes; files never attached to a report are deleted after a grace period.`,
  );

/** Multipart framing around the file: a declared length this far over a cap is refused unread. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The most bytes a file may have, and what to answer past it. */
interface UploadCap {
  bytes: number;
  error: () => HttpError;
}

/**
 * Streams the single `file` part of a multipart body to `tempPath` (hashing it on the way),
 * refusing it past `cap.bytes`. Settles only once the temp file is closed, so the caller
 * can delete it without racing a pending write.
 */
function receiveUpload(req: Request, cap: UploadCap, tempPath: string): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: cap.bytes, fields: 10, parts: 12 } });
    } catch {
      reject(
        fileError(FileErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data in a part named 'file'."),
      );
      return;
    }
    let settled = false;
    let part: Readable | null = null;
    let written: Promise<unknown> = Promise.resolve();
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      part?.destroy();
      void written.then(
        () => reject(err),
        () => reject(err),
      );
    };
    const hash = createHash("sha256");
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let fileName: string | undefined;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || part) {
        stream.resume();
        return;
      }
      part = stream;
      fileName = info.filename;
      // Answer now instead of reading (and discarding) the rest of a huge body.
      stream.on("limit", () => fail(cap.error()));
      const out = createWriteStream(tempPath, { flags: "wx" });
      const closed = new Promise<void>((resolveClosed) => out.on("close", () => resolveClosed()));
      const piped = pipeline(
        stream,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            if (headLength < SNIFF_WINDOW) {
              headChunks.push(Buffer.from(chunk.subarray(0, SNIFF_WINDOW - headLength)));
              headLength += Math.min(chunk.length, SNIFF_WINDOW - headLength);
            }
            yield chunk;
          }
        },
        out,
      );
      // The file on disk is only done (or gone) once its descriptor is closed.
      written = piped.then(
        () => closed,
        async (err: unknown) => {
          await closed;
          throw err;
        },
      );
      written.catch((err: unknown) => fail(err));
    });
    parser.on("error", () =>
      fail(fileError(FileErrorCode.MALFORMED_MULTIPART, "The multipart body could not be read.")),
    );
    parser.on("close", () => {
      if (!part) return fail(fileError(FileErrorCode.FILE_REQUIRED, "No part named 'file' was sent."));
      written.then(() => {
        if (settled) return;
        settled = true;
        resolve({ size, sha256: hash.digest("hex"), head: Buffer.concat(headChunks), fileName });
      }, fail);
    });
    // A client that goes away mid-body: stop waiting so the temp file is removed.
    req.on("close", () => {
      if (!req.complete) fail(fileError(FileErrorCode.MALFORMED_MULTIPART, "The multipart body could not be read."));
    });
    req.pipe(parser);
  });
}

async function upload(runtime: Runtime, req: Request, res: Response): Promise<void> {
  const principal = await signedIn(runtime, req);
  const limit = runtime.config.MAX_UPLOAD_BYTES;
  const declared = Number(req.headers["content-length"] ?? 0);
  // Far over the limit: refuse before reading (multipart overhead is a few hundred bytes).
  if (declared > limit + MULTIPART_OVERHEAD) throw tooLarge(limit);
  const cap = await uploadCap(runtime, principal, declared);
  const storage = storageFor(runtime.config.FILE_STORAGE_DIR);
  const tempPath = await storage.tempPath();
  try {
    await storeUpload(runtime, storage, tempPath, principal, cap, req, res);
  } finally {
    await storage.discard(tempPath);
  }
}

/**
 * The upload's cap: the file size limit, or what is left of the organisation's storage
 * quota when that is less, so an upload crossing the quota is cut off while streaming.
 */
async function uploadCap(runtime: Runtime, principal: Principal, declared: number): Promise<UploadCap> {
  const limit = runtime.config.MAX_UPLOAD_BYTES;
  const quota = runtime.config.STORAGE_QUOTA_BYTES;
  const org = actorOf(principal).organizationId;
  if (!org) return { bytes: limit, error: () => tooLarge(limit) };
  const left = quota - (await storedBytes(forkFor(runtime.orm, principal), org));
  if (left <= 0 || declared > left + MULTIPART_OVERHEAD) throw quotaExceeded(quota);
  return left < limit
    ? { bytes: left, error: () => quotaExceeded(quota) }
    : { bytes: limit, error: () => tooLarge(limit) };
}

async function storeUpload(
  runtime: Runtime,
  storage: FileStorage,
  tempPath: string,
  principal: Principal,
  cap: UploadCap,
  req: Request,
  res: Response,
): Promise<void> {
  const { size, sha256, head, fileName } = await receiveUpload(req, cap, tempPath);
  if (size === 0) throw fileError(FileErrorCode.EMPTY_FILE, "The file is empty.");
  // From the file, not its first bytes: a TIFF's IFD (checked by file-type) may be at the end.
  const detected = await fileTypeFromFile(tempPath);
  if (!detected || !ALLOWED_CONTENT_TYPES.includes(detected.mime) || looksLikeHtml(head))
    throw fileError(
      FileErrorCode.UNSUPPORTED_FILE_TYPE,
      "Only PDF, PNG, JPEG and TIFF documents are accepted (identified by content, never markup).",
    );
  if (detected.mime.startsWith("image/")) {
    const pixels = declaredPixels(await imageHeaderOf(tempPath, size));
    if (pixels === null || pixels > MAX_IMAGE_PIXELS)
      throw fileError(
        FileErrorCode.IMAGE_TOO_LARGE,
        `The image header is unreadable or declares more than ${MAX_IMAGE_PIXELS} pixels.`,
      );
  }
  const key = await storage.adopt(tempPath);
  const organizationId = actorOf(principal).organizationId;
  const quota = runtime.config.STORAGE_QUOTA_BYTES;
  try {
    const file = await forkFor(runtime.orm, principal).transactional(async (em) => {
      // Checked again with the organisation's uploads serialised: the cap above was read
      // before streaming, and concurrent uploads may have used the room since.
      if (organizationId && !(await fitsQuota(em, organizationId, size, quota))) throw quotaExceeded(quota);
      const created = em.create(StoredFile, {
        fileName: sanitizeFileName(fileName, detected.mime),
        contentType: detected.mime,
        size,
        sha256,
        storageKey: key,
        uploadedByOrganizationId: organizationId,
        uploadedById: actorOf(principal).actorId,
        uploadedByKind: principal.kind,
      });
      recordAudit(em, principal, String(res.locals.requestId ?? ""), {
        action: "file.upload",
        entityType: "StoredFile",
        entityId: created.id,
        changes: { size, contentType: detected.mime },
      });
      return created;
    });
    res.status(201).json({ id: file.id, sha256, size, contentType: detected.mime, fileName: file.fileName });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}

async function download(runtime: Runtime, req: Request, res: Response): Promise<void> {
  const principal = await signedIn(runtime, req);
  const id = String(req.params.id ?? "");
  const notFound = new HttpError(404, PlatformErrorCode.NOT_FOUND, "File not found.");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
  const em = forkFor(runtime.orm, principal);
  // The scope filter decides: the uploader's organisation (or the uploading staff member),
  // staff, or a partner who sees an order with a report on this file. Anyone else gets the
  // same 404 as for a missing file.
  const file = await em.findOne(StoredFile, { id });
  if (!file) throw notFound;
  await sendStoredFile(runtime, req, res, {
    principal,
    file,
    downloadName: file.fileName,
    audit: { action: "file.download", entityType: "StoredFile", entityId: file.id },
  });
}

const STALE_TEMP_AFTER_MS = 3_600_000;

/** POST /files and GET /files/:id (SPEC §4 Files). */
export function fileRoutes(runtime: Runtime): void {
  // Uploads cut off by a crash leave their temp file; an hour is far longer than any upload.
  storageFor(runtime.config.FILE_STORAGE_DIR)
    .removeStaleTemp(STALE_TEMP_AFTER_MS)
    .then((removed) => removed > 0 && runtime.logger.info({ removed }, "removed stale upload temp files"))
    .catch((err: Error) => runtime.logger.warn({ err: err.message }, "could not sweep upload temp files"));
  runtime.app.post("/files", fileRoute(runtime, upload));
  runtime.app.get("/files/:id", fileRoute(runtime, download));
}
