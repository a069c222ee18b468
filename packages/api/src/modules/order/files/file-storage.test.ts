import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./file-storage.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "clinigraph-storage-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local disk storage", () => {
  it("adopts a finished temp file under a generated key and streams it back with its size", async () => {
    const storage = new LocalDiskStorage(root);
    const temp = await storage.tempPath();
    await writeFile(temp, "informe final");
    const key = await storage.adopt(temp);
    expect(key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    const { stream, size } = await storage.open(key);
    expect(size).toBe(Buffer.byteLength("informe final"));
    expect(await text(stream)).toBe("informe final");
    expect(await readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("removes temp files idle for longer than the limit and keeps uploads in progress", async () => {
    const storage = new LocalDiskStorage(root);
    const crashed = await storage.tempPath();
    const inProgress = await storage.tempPath();
    await writeFile(crashed, "half an upload");
    await writeFile(inProgress, "still arriving");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(crashed, twoHoursAgo, twoHoursAgo);
    expect(await storage.removeStaleTemp(3_600_000)).toBe(1);
    expect(await readdir(path.join(root, "tmp"))).toEqual([path.basename(inProgress)]);
  });

  it("refuses keys that leave the storage root", async () => {
    const storage = new LocalDiskStorage(root);
    await expect(storage.open("../../etc/passwd")).rejects.toThrow(/escapes the storage root/);
  });
});
