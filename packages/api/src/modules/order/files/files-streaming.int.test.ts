import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import net from "node:net";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startTestApi, type TestApi } from "../../../test-support/server.fixtures.js";
import { Fixtures } from "../../../test-support/entities.fixtures.js";
import { OrganizationKind } from "../../organization/organization.entity.js";
import { PDF_BYTES, uploadFile } from "./files.fixtures.js";

/**
 * POST /files streams the body to a temp file under the storage's tmp/ as it arrives: the
 * server (running in this process) never holds the upload in memory, and a refused or
 * abandoned upload leaves nothing in tmp/.
 */
const MB = 1024 * 1024;
const BOUNDARY = "----clinigraph-streaming-boundary";
let api: TestApi;
let key: string;

// A full collection on demand, so retained memory is measured rather than garbage not yet swept.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

beforeAll(async () => {
  api = await startTestApi({ MAX_UPLOAD_BYTES: String(20 * MB) });
  const fx = new Fixtures(api.orm);
  key = (await fx.apiKey(await fx.organization(OrganizationKind.LAB))).secret;
});
afterAll(async () => api?.close());

async function tempFiles(): Promise<number[]> {
  const dir = path.join(api.config.FILE_STORAGE_DIR, "tmp");
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const sizes = await Promise.all(
    names.map((n) =>
      stat(path.join(dir, n)).then(
        (s) => s.size,
        () => -1,
      ),
    ),
  );
  return sizes.filter((s) => s >= 0);
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedRows(): Promise<number> {
  const [{ n }] = await api.orm.em.getConnection().execute(`select count(*)::int as n from stored_file`);
  return n as number;
}

/** A 1 MB block of a PDF; the same block is sent again and again, so the client holds 1 MB. */
const BLOCK = Buffer.alloc(MB, 0x41);
PDF_BYTES.copy(BLOCK);

/**
 * A chunked multipart upload over a raw socket, sent block by block on demand, so a test can
 * look at the server between blocks and cut the connection mid-body.
 */
function openUpload() {
  const socket = net.connect(Number(new URL(api.url).port), "127.0.0.1");
  let received = Buffer.alloc(0);
  socket.on("data", (c: Buffer) => (received = Buffer.concat([received, c])));
  socket.on("error", () => undefined); // EPIPE once the server has answered and closed
  const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) =>
    socket.on("close", () => {
      const text = received.toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error("no answer"));
      const body = text.slice(split + 4);
      // Chunked answers carry one chunk: its size line, the JSON, then the terminator.
      const json = /^[0-9a-f]+\r\n/i.test(body)
        ? body.slice(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1)
        : body;
      resolve({ status: Number(text.slice(9, 12)), body: JSON.parse(json) as Record<string, unknown> });
    }),
  );
  const write = (data: Buffer | string) => {
    const b = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const framed = Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")]);
    if (socket.destroyed) return Promise.resolve();
    // A server that stops reading answers and closes instead of draining.
    return socket.write(framed)
      ? Promise.resolve()
      : new Promise<void>((r) => {
          const done = () => {
            socket.off("drain", done);
            socket.off("close", done);
            r();
          };
          socket.on("drain", done);
          socket.on("close", done);
        });
  };
  const started = (async () => {
    socket.write(
      `POST /files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nConnection: close\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    await write(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
  })();
  return {
    answer,
    answered: () => received.includes("\r\n\r\n") || socket.destroyed,
    sendBlocks: async (n: number) => {
      await started;
      for (let i = 0; i < n && !socket.destroyed; i++) await write(BLOCK);
    },
    finish: async () => {
      await write(`\r\n--${BOUNDARY}--\r\n`);
      socket.write("0\r\n\r\n");
    },
    abort: () => {
      answer.catch(() => undefined); // nobody waits for an answer to a cut connection
      socket.destroy();
    },
  };
}

describe("POST /files streaming to disk", () => {
  it("keeps a 15 MB upload on disk, not in memory, while it is received, then stores it whole", async () => {
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const up = openUpload();
    try {
      await up.sendBlocks(15);
      // All but the multipart lookbehind has reached the temp file before the body ends...
      await until("the temp file to hold the body", async () =>
        (await tempFiles()).some((s) => s >= 15 * MB - 64 * 1024) ? true : null,
      );
      gc();
      const retained = process.memoryUsage().arrayBuffers - before;
      // ...and the server retains well under the body it has received: an upload held in
      // memory retains all 15 MB. Half is the bar, not a few MB, because this process is also
      // the client, whose socket buffers a busy machine may not have drained yet.
      expect(retained).toBeLessThan((15 * MB) / 2);
    } catch (err) {
      // Leave no half-sent upload (and its temp file) behind for the next test.
      up.abort();
      throw err;
    }
    await up.finish();
    const res = await up.answer;
    const sha256 = createHash("sha256");
    for (let i = 0; i < 15; i++) sha256.update(BLOCK);
    expect(res).toEqual({
      status: 201,
      body: expect.objectContaining({ size: 15 * MB, sha256: sha256.digest("hex"), contentType: "application/pdf" }),
    });
    expect(await tempFiles()).toEqual([]);
  });

  it("removes the temp file of an upload whose client goes away mid-body, and keeps serving", async () => {
    const rows = await storedRows();
    const up = openUpload();
    await up.sendBlocks(3);
    await until("the temp file to fill", async () => ((await tempFiles()).some((s) => s >= MB) ? true : null));
    up.abort();
    await until("the temp file to be removed", async () => ((await tempFiles()).length === 0 ? true : null));
    expect(await storedRows()).toBe(rows);
    expect((await uploadFile(api.url, key, PDF_BYTES, "after.pdf")).status).toBe(201);
    expect(await tempFiles()).toEqual([]);
  });

  it("deletes the temp file of an upload crossing the limit before answering 413", async () => {
    const rows = await storedRows();
    const up = openUpload();
    await up.sendBlocks(2);
    await until("the temp file to fill", async () => ((await tempFiles()).some((s) => s >= MB) ? true : null));
    for (let sent = 2; sent < 60 && !up.answered(); sent++) await up.sendBlocks(1);
    const res = await up.answer;
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ errors: [{ extensions: { code: "FILE_TOO_LARGE" } }] });
    expect(await tempFiles()).toEqual([]);
    expect(await storedRows()).toBe(rows);
  });
});
