import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FieldCipher } from "./field-encryption.js";
import { deriveSubkey, KeyRing, MasterKey } from "./key-ring.js";

const SECRET_1 = Buffer.alloc(32, 7);
const SECRET_2 = Buffer.alloc(32, 9);
const ringOf = (current: MasterKey, ...retired: MasterKey[]) => new FieldCipher(new KeyRing(current, retired));

/** A value as the API wrote it before key ids: `v1:`, AES-GCM under the master key itself. */
function legacyEncrypt(secret: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", secret, iv);
  const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

describe("key derivation", () => {
  it("derives a different subkey per purpose, none equal to the master secret", () => {
    const enc = deriveSubkey(SECRET_1, "field-encryption");
    const idx = deriveSubkey(SECRET_1, "blind-index");
    expect(enc).toHaveLength(32);
    expect(idx).toHaveLength(32);
    expect(enc.equals(idx)).toBe(false);
    expect(enc.equals(SECRET_1)).toBe(false);
    expect(idx.equals(SECRET_1)).toBe(false);
    // Deterministic per master, different across masters.
    expect(deriveSubkey(SECRET_1, "blind-index").equals(idx)).toBe(true);
    expect(deriveSubkey(SECRET_2, "blind-index").equals(idx)).toBe(false);
  });

  it("makes blind indexes with the blind-index subkey, not the master secret or the encryption subkey", () => {
    const cipher = ringOf(new MasterKey("k1", SECRET_1));
    const hmac = (key: Buffer) => createHmac("sha256", key).update("8001011234").digest("base64url");
    expect(cipher.blindIndex("800101 1234")).toBe(hmac(deriveSubkey(SECRET_1, "blind-index")));
    expect(cipher.blindIndex("8001011234")).not.toBe(hmac(SECRET_1));
    expect(cipher.blindIndex("8001011234")).not.toBe(hmac(deriveSubkey(SECRET_1, "field-encryption")));
  });
});

describe("field cipher with key ids", () => {
  it("stores the current key id in front of each ciphertext", () => {
    const cipher = ringOf(new MasterKey("k3", SECRET_1));
    const stored = cipher.encrypt("ES91 2100 0418 4502 0005 1332");
    expect(stored).toMatch(/^k3:[\w-]+:[\w-]+:[\w-]+$/);
    expect(cipher.decrypt(stored)).toBe("ES91 2100 0418 4502 0005 1332");
    expect(cipher.needsRotation(stored)).toBe(false);
  });

  it("still decrypts values under a retired key id while the new key writes", () => {
    const before = ringOf(new MasterKey("k1", SECRET_1));
    const old = before.encrypt("12.345.678-5");
    const during = ringOf(new MasterKey("k2", SECRET_2), new MasterKey("k1", SECRET_1));
    expect(during.decrypt(old)).toBe("12.345.678-5");
    expect(during.needsRotation(old)).toBe(true);
    expect(during.encrypt("x")).toMatch(/^k2:/);
    // Lookups match rows indexed under either key until rotate-keys has run.
    expect(during.blindIndexCandidates("12.345.678-5")).toEqual(
      expect.arrayContaining([before.blindIndex("12.345.678-5"), during.blindIndex("12.345.678-5")]),
    );
  });

  it("refuses a value under a key it does not have, naming the variable to set", () => {
    const old = ringOf(new MasterKey("k1", SECRET_1)).encrypt("secret");
    expect(() => ringOf(new MasterKey("k2", SECRET_2)).decrypt(old)).toThrow(/key k1.*ENCRYPTION_OLD_KEYS/);
  });

  it("decrypts the unversioned v1 format with whichever configured key wrote it, and finds its old index", () => {
    const legacy = legacyEncrypt(SECRET_1, "8001011234");
    const cipher = ringOf(new MasterKey("k2", SECRET_2), new MasterKey("k1", SECRET_1));
    expect(cipher.decrypt(legacy)).toBe("8001011234");
    expect(cipher.needsRotation(legacy)).toBe(true);
    const legacyIndex = createHmac("sha256", SECRET_1).update("8001011234").digest("base64url");
    expect(cipher.blindIndexCandidates("8001011234")).toContain(legacyIndex);
    expect(() => ringOf(new MasterKey("k2", SECRET_2)).decrypt(legacy)).toThrow(/no configured key/);
  });

  it("detects a tampered ciphertext", () => {
    const cipher = ringOf(new MasterKey("k1", SECRET_1));
    const [id, iv, tag, data] = cipher.encrypt("1234567890").split(":");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([id, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
  });
});
