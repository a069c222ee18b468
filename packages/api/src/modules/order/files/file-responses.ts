import type { Request, Response } from "express";
import { pipeline } from "node:stream/promises";
import type { Runtime } from "../../../platform/http/app.js";
import type { Principal } from "../../../platform/auth/principal.js";
import { AuthenticationError } from "../../../platform/auth/authenticate.js";
import { recordAudit, type AuditInput } from "../../../platform/audit/audit.js";
import { forkFor } from "../../../platform/db/orm.js";
import { answerDatabaseUnavailable } from "../../../platform/http/database-unavailable.js";
import type { StoredFile } from "../stored-file.entity.js";
import { storageFor } from "./file-storage.js";
import { TopLevelErrorCode } from "../../../platform/errors/top-level.errors.js";
import type { PlatformErrorCode } from "../../../platform/errors/platform.errors.js";
import { FILE_ERRORS, type FileErrorCode } from "./files.errors.js";

/**
 * What every file door shares (GET /files/:id for report files, GET /documents/:id/file for
 * documents, POST /files): the signed-in check, the JSON error answer, the audited,
 * streamed download. Each route decides only which row the caller may read.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: TopLevelErrorCode | PlatformErrorCode | FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A file route's own refusal, with the HTTP status its code is documented with (files.errors.ts). */
export const fileError = (code: FileErrorCode, message: string) => new HttpError(FILE_ERRORS[code].http, code, message);

function sendError(res: Response, err: HttpError): void {
  res.status(err.status).json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
}

export async function signedIn(runtime: Runtime, req: Request): Promise<Principal> {
  try {
    const principal = await runtime.principalOf(req);
    if (principal.kind === "ANONYMOUS")
      throw new HttpError(401, TopLevelErrorCode.UNAUTHENTICATED, "Sign in or send an API key.");
    return principal;
  } catch (err) {
    if (err instanceof AuthenticationError) throw new HttpError(401, TopLevelErrorCode.UNAUTHENTICATED, err.message);
    throw err;
  }
}

export interface FileDownload {
  principal: Principal;
  file: StoredFile;
  /** The name the browser saves it under. */
  downloadName: string;
  /** The audit row of this read (documents hold patients' papers: every download is recorded). */
  audit: AuditInput;
}

/**
 * Records the download in the audit trail, then streams the bytes from storage: a 20 MB
 * document costs the process a 64 KB buffer, not 20 MB. The audit row is committed before
 * the first byte leaves, so no file is read unrecorded.
 */
export async function sendStoredFile(runtime: Runtime, req: Request, res: Response, d: FileDownload): Promise<void> {
  const em = forkFor(runtime.orm, d.principal);
  recordAudit(em, d.principal, String(res.locals.requestId ?? req.headers["x-request-id"] ?? ""), {
    ...d.audit,
    changes: { ...d.audit.changes, size: d.file.size, sha256: d.file.sha256 },
  });
  await em.flush();
  const { stream, size } = await storageFor(runtime.config.FILE_STORAGE_DIR).open(d.file.storageKey);
  res.setHeader("content-type", d.file.contentType);
  res.setHeader("content-length", String(size));
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(d.downloadName)}`);
  res.setHeader("etag", `"${d.file.sha256}"`);
  await pipeline(stream, res);
}

/** How long a refused upload's connection still reads (and drops) what the client had in flight. */
const LINGER_MS = 2_000;

/**
 * An upload refused mid-body (too large, wrong type) is answered at once, but its connection
 * is not closed while the client's bytes are still arriving: closing a socket with unread
 * bytes makes the kernel reset the connection, and a reset can discard the answer in the
 * client's receive buffer before the client reads it (the test client met "no answer").
 * So the rest is read and dropped, and the socket closed a moment after the answer, as web
 * servers' lingering close does; a client that keeps sending is cut off then.
 */
function lingerThenClose(req: Request, res: Response): void {
  req.resume();
  res.once("finish", () => {
    const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
    timer.unref();
    req.socket.once("close", () => clearTimeout(timer));
  });
}

/** Wraps a file route: HttpErrors answer as JSON, an outage as 503, anything else as a masked 500. */
export function fileRoute(runtime: Runtime, fn: (runtime: Runtime, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await fn(runtime, req, res);
    } catch (err) {
      if (err instanceof HttpError) {
        if (!req.complete) lingerThenClose(req, res);
        sendError(res, err);
        return;
      }
      if (answerDatabaseUnavailable(runtime, req, res, err)) return;
      runtime.logger.error({ err }, "file route failed");
      // A download that broke mid-stream: the status line is gone, only cutting the
      // connection tells the client the body is incomplete.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, new HttpError(500, TopLevelErrorCode.INTERNAL_SERVER_ERROR, "Internal server error."));
    }
  };
}
