import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loginAs, Fixtures } from "../../../test-support/entities.fixtures.js";
import { startTestApi, type TestApi } from "../../../test-support/server.fixtures.js";
import { OrganizationKind } from "../../organization/organization.entity.js";
import { PDF_BYTES, uploadFile } from "./files.fixtures.js";

/**
 * Uploads and exports spend the same per-principal budget as /graphql, uploads also a
 * byte budget, and an organisation's stored files are held to STORAGE_QUOTA_BYTES.
 */
const MB = 1024 * 1024;
const BOUNDARY = "----clinigraph-quota-boundary";
/** A 1 MB block of a PDF (file-type identifies it by its first bytes). */
const BLOCK = Buffer.alloc(MB, 0x41);
PDF_BYTES.copy(BLOCK);

let limited: TestApi;
let quota: TestApi;

beforeAll(async () => {
  // Windows long enough that a test never straddles two.
  limited = await startTestApi({
    RATE_LIMIT_POINTS: "20",
    RATE_LIMIT_WINDOW_SECONDS: "300",
    MAX_UPLOAD_BYTES: String(20 * MB),
    UPLOAD_RATE_LIMIT_BYTES: String(64 * MB),
    UPLOAD_RATE_LIMIT_WINDOW_SECONDS: "300",
  });
  quota = await startTestApi({ STORAGE_QUOTA_BYTES: String(3 * MB) });
});
afterAll(async () => {
  await limited?.close();
  await quota?.close();
});

interface Answer {
  status: number;
  headers: string;
  body: { errors?: { extensions: { code: string; retryAfterSeconds?: number } }[]; id?: string };
}

/**
 * A multipart upload of `size` bytes over a raw socket, with a declared length or chunked.
 * The server may answer and close before the body is sent: writes stop then, and the
 * answer is read as it came.
 */
async function rawUpload(api: TestApi, token: string, size: number, framing: "length" | "chunked"): Promise<Answer> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const socket = net.connect(Number(new URL(api.url).port), "127.0.0.1");
  socket.on("error", () => undefined); // EPIPE once the server has answered and closed
  let received = Buffer.alloc(0);
  socket.on("data", (c: Buffer) => (received = Buffer.concat([received, c])));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  const write = (b: Buffer) => {
    if (socket.destroyed) return Promise.resolve();
    const data =
      framing === "chunked" ? Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from("\r\n")]) : b;
    return socket.write(data)
      ? Promise.resolve()
      : new Promise<void>((r) => {
          socket.once("drain", r);
          void closed.then(r);
        });
  };
  socket.write(
    `POST /files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n` +
      `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
      (framing === "chunked"
        ? "Transfer-Encoding: chunked\r\n\r\n"
        : `Content-Length: ${head.length + size + tail.length}\r\n\r\n`),
  );
  await write(head);
  for (let sent = 0; sent < size && !socket.destroyed; sent += MB)
    await write(BLOCK.subarray(0, Math.min(MB, size - sent)));
  await write(tail);
  if (framing === "chunked" && !socket.destroyed) socket.write("0\r\n\r\n");
  await closed;
  const text = received.toString("utf8");
  const split = text.indexOf("\r\n\r\n");
  if (split < 0) throw new Error("no answer");
  const rest = text.slice(split + 4);
  // A chunked answer carries one chunk: its size line, the JSON, then the terminator.
  const json = /^[0-9a-f]+\r\n/i.test(rest) ? rest.slice(rest.indexOf("\r\n") + 2, rest.lastIndexOf("}") + 1) : rest;
  return { status: Number(text.slice(9, 12)), headers: text.slice(0, split).toLowerCase(), body: JSON.parse(json) };
}

async function tempFiles(api: TestApi): Promise<string[]> {
  return readdir(path.join(api.config.FILE_STORAGE_DIR, "tmp")).catch(() => []);
}

async function rowsOf(api: TestApi, organizationId: string): Promise<{ n: number; bytes: number }> {
  const [row] = await api.orm.em
    .getConnection()
    .execute(
      `select count(*)::int as n, coalesce(sum(size), 0)::bigint as bytes from stored_file where uploaded_by_organization_id = ?`,
      [organizationId],
    );
  return { n: row.n as number, bytes: Number(row.bytes) };
}

const get = (api: TestApi, pathAndQuery: string, token: string) =>
  fetch(`${api.url}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });

function expectRateLimited(status: number, retryAfter: string | null, body: unknown): void {
  expect(status).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(body).toMatchObject({
    errors: [{ extensions: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) } }],
  });
}

describe("uploads and exports share the GraphQL rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After on POST /files, GET /files/:id and every export for a key spent on GraphQL", async () => {
    const fx = new Fixtures(limited.orm);
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    const first = await uploadFile(limited.url, secret, PDF_BYTES, "report.pdf");
    expect(first.status).toBe(201);
    // The upload was 1 of the 20 points; GraphQL spends the other 19.
    for (let i = 0; i < 19; i++) expect((await limited.gql(`{ viewer { kind } }`, {}, secret)).status).toBe(200);

    const upload = await rawUpload(limited, secret, 200_000, "length");
    expectRateLimited(upload.status, /retry-after: (\d+)/.exec(upload.headers)?.[1] ?? null, upload.body);
    for (const route of [
      `/files/${String(first.body.id)}`,
      "/exports/visits.csv",
      "/exports/visits.xlsx",
      "/exports/monthly-statistics.csv?month=2026-01",
    ]) {
      const res = await get(limited, route, secret);
      expectRateLimited(res.status, res.headers.get("retry-after"), await res.json());
    }
    expect(await rowsOf(limited, lab.id)).toMatchObject({ n: 1 });
    expect(await tempFiles(limited)).toEqual([]);
  });

  it("charges an export ten requests of the budget GraphQL spends from", async () => {
    const fx = new Fixtures(limited.orm);
    const { secret } = await fx.apiKey(await fx.organization(OrganizationKind.HOSPITAL));
    expect((await get(limited, "/exports/visits.csv", secret)).status).toBe(200);
    expect((await get(limited, "/exports/monthly-statistics.csv?month=2026-01", secret)).status).toBe(200);
    const res = await limited.gql(`{ viewer { kind } }`, {}, secret);
    expect(res.status).toBe(429);
    expect(res.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it("lets three of ten 19 MB uploads sent at once through a 64 MB byte budget and answers the rest 429, per key", async () => {
    const fx = new Fixtures(limited.orm);
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    const answers = await Promise.all(Array.from({ length: 10 }, () => rawUpload(limited, secret, 19 * MB, "length")));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    for (const a of answers.filter((x) => x.status === 429))
      expect(a.body).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED" } }] });
    expect(await rowsOf(limited, lab.id)).toEqual({ n: 3, bytes: 3 * 19 * MB });
    expect(await tempFiles(limited)).toEqual([]);

    // Another organisation's key has its own budget.
    const other = await fx.apiKey(await fx.organization(OrganizationKind.LAB));
    expect((await rawUpload(limited, other.secret, 19 * MB, "length")).status).toBe(201);
  });
});

describe("per-organisation storage quota", () => {
  it("refuses the upload that crosses the quota with 413 QUOTA_EXCEEDED while streaming and keeps no partial file", async () => {
    const fx = new Fixtures(quota.orm);
    const lab = await fx.organization(OrganizationKind.LAB);
    const { secret } = await fx.apiKey(lab);
    expect((await rawUpload(quota, secret, 2 * MB, "chunked")).status).toBe(201);

    // 1 MB is left; a chunked body declares no length, so it is cut off while it streams.
    const crossing = await rawUpload(quota, secret, 3 * MB, "chunked");
    expect(crossing.status).toBe(413);
    expect(crossing.body).toMatchObject({ errors: [{ extensions: { code: "QUOTA_EXCEEDED" } }] });
    // A declared length over what is left is refused before reading.
    const declared = await rawUpload(quota, secret, 2 * MB, "length");
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ errors: [{ extensions: { code: "QUOTA_EXCEEDED" } }] });
    expect(await tempFiles(quota)).toEqual([]);
    expect(await rowsOf(quota, lab.id)).toEqual({ n: 1, bytes: 2 * MB });

    // What still fits goes through; another organisation has its own quota.
    expect((await rawUpload(quota, secret, MB / 2, "chunked")).status).toBe(201);
    const other = await fx.apiKey(await fx.organization(OrganizationKind.LAB));
    expect((await rawUpload(quota, other.secret, 2 * MB, "chunked")).status).toBe(201);
  });

  it("lets only one of two concurrent uploads that each fit alone but not together through", async () => {
    const fx = new Fixtures(quota.orm);
    const lab = await fx.organization(OrganizationKind.CLINIC);
    const { secret } = await fx.apiKey(lab);
    const answers = await Promise.all([
      rawUpload(quota, secret, 2 * MB, "chunked"),
      rawUpload(quota, secret, 2 * MB, "chunked"),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 413]);
    expect(answers.find((a) => a.status === 413)!.body).toMatchObject({
      errors: [{ extensions: { code: "QUOTA_EXCEEDED" } }],
    });
    expect(await rowsOf(quota, lab.id)).toEqual({ n: 1, bytes: 2 * MB });
    expect(await tempFiles(quota)).toEqual([]);
  });

  it("counts staff uploads against the operator organisation", async () => {
    const fx = new Fixtures(quota.orm);
    const user = await fx.user(["OPERATOR"]);
    const token = await loginAs((q, v) => quota.gql(q, v), user.email, user.password);
    expect((await rawUpload(quota, token, 2 * MB, "chunked")).status).toBe(201);
    const operator = await fx.operatorOrg();
    expect(await rowsOf(quota, operator.id)).toEqual({ n: 1, bytes: 2 * MB });
    const crossing = await rawUpload(quota, token, 2 * MB, "chunked");
    expect(crossing.status).toBe(413);
    expect(crossing.body).toMatchObject({ errors: [{ extensions: { code: "QUOTA_EXCEEDED" } }] });
  });
});
