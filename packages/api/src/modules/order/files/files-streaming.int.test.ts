import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
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
 * server (running in this process; its client runs in a child) never holds the upload in
 * memory, and a refused or abandoned upload leaves nothing in tmp/.
 */
const MB = 1024 * 1024;
const BOUNDARY = "----clinigraph-streaming-boundary";
let api: TestApi;
let key: string;

// A full collection on demand, so retained memory is measured rather than garbage not yet swept.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Bytes held by live ArrayBuffers (Buffers). V8 frees the backing stores of dead buffers in a
 * background sweep after a collection, and finishes that sweep at the start of the next one:
 * two collections, so buffers that died before the first are no longer counted.
 */
async function liveBufferBytes(): Promise<number> {
  gc();
  await new Promise((r) => setImmediate(r));
  gc();
  return process.memoryUsage().arrayBuffers;
}

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

/** A 1 MB block of a PDF, as the client sends it again and again. */
const BLOCK = Buffer.alloc(MB, 0x41);
PDF_BYTES.copy(BLOCK);

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

/**
 * A chunked multipart upload sent block by block on demand by a client in a child process
 * (upload-client.fixtures.mjs), so a test can look at the server between blocks, cut the
 * connection mid-body, and measure this process's memory as the server's alone.
 */
function openUpload() {
  const child = fork(fileURLToPath(new URL("./upload-client.fixtures.mjs", import.meta.url)), [], {
    env: {
      ...process.env,
      UPLOAD_PORT: new URL(api.url).port,
      UPLOAD_KEY: key,
      UPLOAD_BOUNDARY: BOUNDARY,
      UPLOAD_BLOCK_HEAD: PDF_BYTES.toString("base64"),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  let answered = false;
  const acks: (() => void)[] = [];
  const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    child.on(
      "message",
      (m: { op: string; answer?: { status: number; body: Record<string, unknown> }; error?: string }) => {
        if (m.op === "ack") acks.shift()?.();
        else if (m.op === "answered") answered = true;
        else if (m.op === "closed") {
          answered = true;
          if (m.answer) resolve(m.answer);
          else reject(new Error(m.error));
        }
      },
    );
    child.on("exit", () => {
      acks.splice(0).forEach((ack) => ack());
      reject(new Error("the upload client exited without an answer"));
    });
  });
  const command = (op: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return resolve();
      acks.push(resolve);
      child.send(op);
    });
  const settled = answer.finally(() => child.kill("SIGKILL"));
  return {
    answer: settled,
    answered: () => answered,
    sendBlocks: (n: number) => command({ op: "blocks", n }),
    finish: () => command({ op: "finish" }),
    abort: async () => {
      settled.catch(() => undefined); // nobody waits for an answer to a cut connection
      await command({ op: "abort" });
    },
  };
}

describe("POST /files streaming to disk", () => {
  // A cut upload's temp file goes once the server notices; a test's own file must not be
  // mistaken for (or hidden by) what an earlier test left on its way out.
  beforeEach(() => until("tmp/ to be empty", async () => ((await tempFiles()).length === 0 ? true : null)));

  it("keeps a 15 MB upload on disk, not in memory, while it is received, then stores it whole", async () => {
    const before = await liveBufferBytes();
    const up = openUpload();
    try {
      await up.sendBlocks(15);
      // All but the multipart lookbehind has reached the temp file before the body ends...
      await until("the temp file to hold the body", async () =>
        (await tempFiles()).some((s) => s >= 15 * MB - 64 * 1024) ? true : null,
      );
      const retained = (await liveBufferBytes()) - before;
      // ...and the server (this process: the client is a child) retains a few blocks in flight
      // at most, where an upload held in memory retains all 15 MB.
      expect(retained).toBeLessThan(3 * MB);
    } catch (err) {
      // Leave no half-sent upload behind (beforeEach waits for its temp file to go).
      await up.abort();
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
    await up.abort();
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
