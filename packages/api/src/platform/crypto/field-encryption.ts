import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for sensitive columns (national ids, bank accounts). The stored value is
 * `v1:<iv>:<tag>:<ciphertext>` in base64url so the key can be rotated by version later.
 * A keyed HMAC of the normalised plain value allows exact-match search without decrypting.
 */
export class FieldCipher {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, "base64");
    if (this.key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes (base64)");
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
      ":",
    );
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split(":");
    if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised ciphertext format");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  }

  /** Deterministic lookup hash (not reversible) for equality search on an encrypted value. */
  blindIndex(plain: string): string {
    return createHmac("sha256", this.key).update(plain.replace(/\s+/g, "").toUpperCase()).digest("base64url");
  }
}

/** Shows the last four characters only: "•••• 1234". */
export function maskTail(plain: string | null | undefined, visible = 4): string | null {
  if (plain == null) return null;
  const compact = plain.replace(/\s+/g, "");
  return `•••• ${compact.slice(-visible)}`;
}

let shared: FieldCipher | null = null;
/** Set once at start-up from the config; entities' getters use it. */
export function setFieldCipher(cipher: FieldCipher): void {
  shared = cipher;
}
export function fieldCipher(): FieldCipher {
  if (!shared) throw new Error("Field cipher not initialised: call setFieldCipher at start-up");
  return shared;
}
