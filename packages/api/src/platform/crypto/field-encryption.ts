import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import { KeyRing } from "./key-ring.js";

/**
 * AES-256-GCM for sensitive columns (national ids, bank accounts, webhook secrets). The
 * stored value is `<key id>:<iv>:<tag>:<ciphertext>` (base64url), e.g. `k2:…`, so a row
 * says which key wrote it and keys can rotate (`pnpm rotate-keys`). Values written
 * before key ids existed start with `v1:` and were encrypted with the master key itself;
 * they still decrypt, and rotate-keys rewrites them.
 * A keyed HMAC of the normalised plain value allows exact-match search without decrypting.
 */
const LEGACY = "v1";

export class FieldCipher {
  constructor(readonly keys: KeyRing) {}

  static fromConfig(c: Pick<Config, "ENCRYPTION_KEY" | "ENCRYPTION_KEY_ID" | "ENCRYPTION_OLD_KEYS">): FieldCipher {
    return new FieldCipher(KeyRing.fromConfig(c));
  }

  encrypt(plain: string): string {
    const key = this.keys.current;
    return [key.id, ...seal(key.encryption, plain)].join(":");
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, data] = stored.split(":");
    if (!keyId || !iv || !tag || data === undefined) throw new Error("Unrecognised ciphertext format");
    const parts = { iv, tag, data };
    if (keyId === LEGACY) return this.decryptLegacy(parts);
    const key = this.keys.find(keyId);
    if (!key) throw new Error(`Encrypted with key ${keyId}, which is not configured: add it to ENCRYPTION_OLD_KEYS`);
    return open(key.encryption, parts);
  }

  /** The id of the key a stored value was written with ("v1" for the unversioned format). */
  keyIdOf(stored: string): string {
    const end = stored.indexOf(":");
    return end < 0 ? "" : stored.slice(0, end);
  }

  /** True when the value is not under the current key (rotate-keys rewrites it). */
  needsRotation(stored: string): boolean {
    return this.keyIdOf(stored) !== this.keys.current.id;
  }

  /** Deterministic lookup hash (not reversible) for equality search on an encrypted value, under the current key. */
  blindIndex(plain: string): string {
    return hmac(this.keys.current.blindIndex, plain);
  }

  /**
   * Every index a stored row may carry for this value: the current key's, the retired
   * keys', and the unversioned format's. A lookup matches any of them, so search keeps
   * working while rotate-keys is part-way through.
   */
  blindIndexCandidates(plain: string): string[] {
    const out = this.keys.all.flatMap((k) => [hmac(k.blindIndex, plain), hmac(k.secret, plain)]);
    return [...new Set(out)];
  }

  private decryptLegacy(parts: Sealed): string {
    // The unversioned format does not say which key wrote it: GCM's tag tells the right one.
    for (const key of this.keys.all) {
      try {
        return open(key.secret, parts);
      } catch {
        // not this key
      }
    }
    throw new Error("Unversioned ciphertext that no configured key decrypts: add the old key to ENCRYPTION_OLD_KEYS");
  }
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

function seal(key: Buffer, plain: string): string[] {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")];
}

function open(key: Buffer, { iv, tag, data }: Sealed): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

function hmac(key: Buffer, plain: string): string {
  return createHmac("sha256", key).update(normalise(plain)).digest("base64url");
}

const normalise = (plain: string) => plain.replace(/\s+/g, "").toUpperCase();

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
