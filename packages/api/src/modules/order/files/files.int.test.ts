import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../../config.js";
import { attach, orderIn, startKit, TRAUMA_FORM, type Kit } from "../order.fixtures.js";
import { PDF_BYTES, PNG_BYTES, uploadFile } from "./files.fixtures.js";

const LIMIT = 64 * 1024;
let kit: Kit;

beforeAll(async () => {
  kit = await startKit({ MAX_UPLOAD_BYTES: String(LIMIT) });
});
afterAll(async () => kit?.api.close());

async function storedCount(): Promise<{ rows: number; files: number }> {
  const [{ n }] = await kit.fx.em.getConnection().execute(`select count(*)::int as n from stored_file`);
  const walk = async (dir: string): Promise<number> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    let count = 0;
    for (const e of entries) count += e.isDirectory() ? await walk(path.join(dir, e.name)) : 1;
    return count;
  };
  return { rows: n as number, files: await walk(kit.api.config.FILE_STORAGE_DIR) };
}

async function expectRefused(res: { status: number; body: Record<string, unknown> }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ errors: [{ extensions: { code } }] });
}

describe("POST /files", () => {
  it("stores a PDF identified by content and returns id, sha256, size, type and name", async () => {
    const res = await uploadFile(kit.api.url, kit.labAKey, PDF_BYTES, "Informe final.pdf");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      sha256: createHash("sha256").update(PDF_BYTES).digest("hex"),
      size: PDF_BYTES.length,
      contentType: "application/pdf",
      fileName: "Informe final.pdf",
    });
  });

  it("identifies a PNG sent with a misleading name and type by its bytes", async () => {
    const res = await uploadFile(kit.api.url, kit.labAKey, PNG_BYTES, "scan.pdf", "application/pdf");
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe("image/png");
  });

  it("refuses an anonymous upload with 401", async () => {
    const before = await storedCount();
    await expectRefused(await uploadFile(kit.api.url, null, PDF_BYTES, "a.pdf"), 401, "UNAUTHENTICATED");
    await expectRefused(await uploadFile(kit.api.url, "ck_bad", PDF_BYTES, "a.pdf"), 401, "UNAUTHENTICATED");
    expect(await storedCount()).toEqual(before);
  });

  it("refuses a file over the limit with 413 and stores nothing", async () => {
    const before = await storedCount();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(LIMIT)]);
    await expectRefused(await uploadFile(kit.api.url, kit.labAKey, big, "big.pdf"), 413, "FILE_TOO_LARGE");
    expect(await storedCount()).toEqual(before);
  });

  it("refuses an empty file with 400 and stores nothing", async () => {
    const before = await storedCount();
    await expectRefused(await uploadFile(kit.api.url, kit.labAKey, Buffer.alloc(0), "empty.pdf"), 400, "EMPTY_FILE");
    expect(await storedCount()).toEqual(before);
  });

  it("refuses other content disguised by its extension with 415 and stores nothing", async () => {
    const before = await storedCount();
    const text = Buffer.from("#!/bin/sh\nrm -rf /\n");
    await expectRefused(
      await uploadFile(kit.api.url, kit.labAKey, text, "report.pdf", "application/pdf"),
      415,
      "UNSUPPORTED_FILE_TYPE",
    );
    const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
    await expectRefused(
      await uploadFile(kit.api.url, kit.labAKey, gif, "photo.jpg", "image/jpeg"),
      415,
      "UNSUPPORTED_FILE_TYPE",
    );
    expect(await storedCount()).toEqual(before);
  });

  it("refuses a body that is not multipart with 415", async () => {
    const res = await fetch(`${kit.api.url}/files`, {
      method: "POST",
      headers: { authorization: `Bearer ${kit.labAKey}`, "content-type": "application/pdf" },
      body: PDF_BYTES,
    });
    expect(res.status).toBe(415);
  });

  it("keeps only a safe base name from a path-traversal file name and writes inside the storage root", async () => {
    const before = await storedCount();
    const res = await uploadFile(kit.api.url, kit.labAKey, PDF_BYTES, "../../../etc/cron.d/..evil;rm -rf.pdf");
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe("evil_rm -rf.pdf");
    const after = await storedCount();
    // Exactly one more row and one more file, and that file is under the storage root.
    expect(after).toEqual({ rows: before.rows + 1, files: before.files + 1 });
    const [{ storage_key }] = await kit.fx.em
      .getConnection()
      .execute(`select storage_key from stored_file where id = ?`, [res.body.id]);
    expect(storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
  });

  it("defaults to a 20 MB limit", () => {
    expect(loadConfig({ NODE_ENV: "test" }).MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe("GET /files/:id", () => {
  it("returns the bytes to the uploader with the sniffed type, 401 to anonymous, 404 for a missing id", async () => {
    const up = await uploadFile(kit.api.url, kit.labAKey, PDF_BYTES, "x.pdf");
    const ok = await fetch(`${kit.api.url}/files/${up.body.id}`, {
      headers: { authorization: `Bearer ${kit.labAKey}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect((await fetch(`${kit.api.url}/files/${up.body.id}`)).status).toBe(401);
    const missing = await fetch(`${kit.api.url}/files/01900000-0000-7000-8000-000000000000`, {
      headers: { authorization: `Bearer ${kit.labAKey}` },
    });
    expect(missing.status).toBe(404);
  });
});

describe("form reports", () => {
  it("refuses a form failing its template with FORM_INVALID naming the JSON pointer, and stores no report", async () => {
    const o = await orderIn(kit, "IN_EVALUATION");
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...TRAUMA_FORM, functionalLoss: 140 }, ["form", "functionalLoss"]],
      [{ ...TRAUMA_FORM, affectedSegment: "TAIL" }, ["form", "affectedSegment"]],
      [{ diagnosis: "Fractura", affectedSegment: "SPINE", functionalLoss: 5 }, ["form", "examinedAt"]],
      [{ ...TRAUMA_FORM, examinedAt: "yesterday" }, ["form", "examinedAt"]],
    ];
    for (const [form, field] of cases) {
      const res = await attach(kit, kit.labAKey, o.id, "FINAL", { form });
      expect(res.userErrors).toEqual([
        { code: "FORM_INVALID", field, message: expect.stringContaining(`form/${field[1]}`) },
      ]);
    }
    const [{ n }] = await kit.fx.em
      .getConnection()
      .execute(`select count(*)::int as n from order_report where order_id = ?`, [o.id]);
    expect(n).toBe(0);
  });

  it("reports every violation of the form, one FORM_INVALID userError each, in one answer", async () => {
    const o = await orderIn(kit, "IN_EVALUATION");
    const form = { diagnosis: "Fractura", affectedSegment: "TAIL", functionalLoss: 140, colour: "blue" };
    const res = await attach(kit, kit.labAKey, o.id, "FINAL", { form });
    expect(res.order).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ["FORM_INVALID", ["form", "examinedAt"]],
        ["FORM_INVALID", ["form", "colour"]],
        ["FORM_INVALID", ["form", "affectedSegment"]],
        ["FORM_INVALID", ["form", "functionalLoss"]],
      ]),
    );
    expect(res.userErrors).toHaveLength(4);
  });

  it("attaches an uploaded document as the FINAL report, idempotently", async () => {
    const o = await orderIn(kit, "IN_EVALUATION");
    const up = await uploadFile(kit.api.url, kit.labAKey, PDF_BYTES, "final.pdf");
    const first = await attach(kit, kit.labAKey, o.id, "FINAL", { fileId: up.body.id as string }, "final-1");
    const again = await attach(kit, kit.labAKey, o.id, "FINAL", { fileId: up.body.id as string }, "final-1");
    expect(first.userErrors).toEqual([]);
    expect(again.order!.reports).toEqual(first.order!.reports);
    expect(first.order!.reports).toEqual([expect.objectContaining({ kind: "FINAL", fileId: up.body.id, form: null })]);
  });
});
