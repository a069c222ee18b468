import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import net from "node:net";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createDeflate } from "node:zlib";
import { startTestApi, type TestApi } from "../test-support/server.fixtures.js";
import { Fixtures } from "../test-support/entities.fixtures.js";
import { OrganizationKind } from "../modules/organization/organization.entity.js";
import { PDF_BYTES, PNG_BYTES, uploadFile } from "../modules/order/files/files.fixtures.js";

/**
 * Hostile uploads against POST /files at the production 20 MB limit (issue 10): each is
 * refused with a JSON error, leaves no stored_file row and no file on disk, and the server
 * keeps answering. Rule for polyglots: a file must be identified by content as exactly one
 * allowed type and must not be sniffable as HTML (markup prefix or active tag up front).
 */
const MB = 1024 * 1024;
let api: TestApi;
let key: string;

beforeAll(async () => {
  api = await startTestApi({ MAX_UPLOAD_BYTES: String(20 * MB) });
  const fx = new Fixtures(api.orm);
  key = (await fx.apiKey(await fx.organization(OrganizationKind.LAB))).secret;
});
afterAll(async () => api?.close());

async function countFiles(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let n = 0;
  for (const e of entries) n += e.isDirectory() ? await countFiles(path.join(dir, e.name)) : 1;
  return n;
}

async function stored(): Promise<{ rows: number; files: number }> {
  const [{ n }] = await api.orm.em.getConnection().execute(`select count(*)::int as n from stored_file`);
  return { rows: n as number, files: await countFiles(api.config.FILE_STORAGE_DIR) };
}

async function expectRefusedAndNothingStored(
  attempt: () => Promise<{ status: number; body: Record<string, unknown> }>,
  status: number,
  code: string,
): Promise<void> {
  const before = await stored();
  const res = await attempt();
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ errors: [{ message: expect.any(String), extensions: { code } }] });
  expect(await stored()).toEqual(before);
  // Still serving: a legitimate document goes through right after the attack.
  expect((await uploadFile(api.url, key, PDF_BYTES, "after.pdf")).status).toBe(201);
}

/** A little-endian TIFF: one 8-bit grey strip of width × height, deflate-compressed. */
async function deflateBombTiff(width: number, height: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const row = Buffer.alloc(MB);
  for (let left = width * height; left > 0; left -= row.length) {
    if (!deflate.write(left >= row.length ? row : row.subarray(0, left)))
      await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  const strip = Buffer.concat(parts);
  const tags: [number, number, number][] = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 8],
    [259, 3, 8], // Adobe deflate
    [262, 3, 1], // BlackIsZero
    [273, 4, 0], // StripOffsets, patched below
    [277, 3, 1],
    [278, 4, height],
    [279, 4, strip.length],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const header = Buffer.alloc(8 + ifdSize);
  header.write("II", 0, "latin1");
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  header.writeUInt16LE(tags.length, 8);
  tags.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    header.writeUInt16LE(tag, at);
    header.writeUInt16LE(type, at + 2);
    header.writeUInt32LE(1, at + 4);
    const v = tag === 273 ? header.length : value;
    if (type === 3) header.writeUInt16LE(v, at + 8);
    else header.writeUInt32LE(v, at + 8);
  });
  return Buffer.concat([header, strip]);
}

interface StreamedResult {
  status: number;
  body: Record<string, unknown>;
  bytesSentBeforeAnswer: number;
  rssGrowth: number;
}

/**
 * Streams a `total`-byte file part with chunked encoding (no Content-Length, so the server
 * cannot refuse up front) over a raw socket, stopping when the answer arrives. A raw socket
 * because the server closes the connection right after answering, and an HTTP client may
 * surface that as EPIPE before the answer. Records how much had been sent by then and how
 * far this process's RSS (the server runs in it) grew meanwhile.
 */
function streamHugeUpload(total: number): Promise<StreamedResult> {
  const boundary = "----clinigraph-attack-boundary";
  const chunk = Buffer.alloc(MB, 0x41);
  PDF_BYTES.copy(chunk);
  const frame = (data: Buffer | string) => {
    const b = Buffer.isBuffer(data) ? data : Buffer.from(data);
    return Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")]);
  };
  const framedChunk = frame(chunk);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentAtAnswer: number | null = null;
    let received = Buffer.alloc(0);
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.on("data", (c: Buffer) => {
      received = Buffer.concat([received, c]);
      if (sentAtAnswer === null && received.includes("\r\n\r\n")) sentAtAnswer = sent;
    });
    socket.on("error", () => undefined); // EPIPE/ECONNRESET once the server has answered and closed
    socket.on("close", () => {
      clearInterval(sampler);
      const text = received.toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error(`no answer after ${sent} bytes`));
      resolve({
        status: Number(text.slice(9, 12)),
        body: JSON.parse(text.slice(split + 4)) as Record<string, unknown>,
        bytesSentBeforeAnswer: sentAtAnswer ?? sent,
        rssGrowth: peak - rssBefore,
      });
    });
    const write = (b: Buffer | string) =>
      socket.write(b) ? Promise.resolve() : new Promise<void>((r) => socket.once("drain", () => r()));
    const pump = async () => {
      await write(
        `POST /files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      await write(
        frame(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
      );
      while (sent < total && sentAtAnswer === null && !socket.destroyed) {
        sent += chunk.length;
        await write(framedChunk);
      }
      if (sentAtAnswer === null && !socket.destroyed)
        await write(Buffer.concat([frame(`\r\n--${boundary}--\r\n`), Buffer.from("0\r\n\r\n")]));
    };
    pump().catch(() => undefined);
  });
}

describe("file upload attacks", () => {
  it("refuses a deflate bomb wrapped in a valid TIFF header (256 MiB of pixels in ~250 KB)", async () => {
    const bomb = await deflateBombTiff(16_384, 16_384);
    expect(bomb.length).toBeLessThan(2 * MB);
    await expectRefusedAndNothingStored(
      () => uploadFile(api.url, key, bomb, "scan.tif", "image/tiff"),
      422,
      "IMAGE_TOO_LARGE",
    );
  });

  it("accepts a small honest TIFF built the same way (the bomb is refused for its size, not its format)", async () => {
    const res = await uploadFile(api.url, key, await deflateBombTiff(64, 64), "scan.tif", "image/tiff");
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("image/tiff");
  });

  it("refuses an HTML-prefixed PDF/HTML polyglot", async () => {
    const polyglot = Buffer.concat([Buffer.from("<html><body><script>alert(document.cookie)</script>\n"), PDF_BYTES]);
    await expectRefusedAndNothingStored(
      () => uploadFile(api.url, key, polyglot, "report.pdf", "application/pdf"),
      415,
      "UNSUPPORTED_FILE_TYPE",
    );
  });

  it("refuses a PDF carrying a script tag in the bytes browsers sniff", async () => {
    const polyglot = Buffer.from(
      PDF_BYTES.toString("latin1").replace("%PDF-1.4\n", "%PDF-1.4\n%<script>fetch('/graphql')</script>\n"),
      "latin1",
    );
    await expectRefusedAndNothingStored(
      () => uploadFile(api.url, key, polyglot, "report.pdf", "application/pdf"),
      415,
      "UNSUPPORTED_FILE_TYPE",
    );
  });

  it("refuses a 0-byte file", async () => {
    await expectRefusedAndNothingStored(
      () => uploadFile(api.url, key, Buffer.alloc(0), "empty.pdf"),
      400,
      "EMPTY_FILE",
    );
  });

  it("refuses 100 MB streamed without a length at the 20 MB limit, answering before the body ends", async () => {
    let result: StreamedResult | undefined;
    await expectRefusedAndNothingStored(async () => (result = await streamHugeUpload(100 * MB)), 413, "FILE_TOO_LARGE");
    expect(result!.bytesSentBeforeAnswer).toBeLessThan(40 * MB);
    expect(result!.rssGrowth).toBeLessThan(80 * MB);
  });

  it("refuses a declared 100 MB body before reading it", async () => {
    await expectRefusedAndNothingStored(
      () =>
        new Promise((resolve, reject) => {
          const req = http.request(`${api.url}/files`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${key}`,
              "content-type": "multipart/form-data; boundary=x",
              "content-length": String(100 * MB),
            },
          });
          req.on("response", (res) => {
            const parts: Buffer[] = [];
            res.on("data", (c: Buffer) => parts.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString()) }),
            );
          });
          req.on("error", reject);
          req.write("--x\r\n");
        }),
      413,
      "FILE_TOO_LARGE",
    );
  });
});

describe("GET /files/:id", () => {
  it("serves the sniffed type as an attachment the browser must not re-sniff", async () => {
    const up = await uploadFile(api.url, key, PNG_BYTES, "scan.pdf", "application/pdf");
    expect(up.status).toBe(201);
    const res = await fetch(`${api.url}/files/${up.body.id}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
