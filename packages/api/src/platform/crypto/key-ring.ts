import { hkdfSync } from "node:crypto";
import type { Config } from "../../config.js";

/**
 * The encryption keys the API knows: the current one (used for every new value) and
 * retired ones (still decrypt while `pnpm rotate-keys` moves their values over).
 *
 * A configured master key is never used directly: HKDF derives one subkey per purpose,
 * so the key that encrypts columns is not the key that makes blind indexes, and a leak
 * or misuse of one purpose's key says nothing about the other's.
 */
export type KeyPurpose = "field-encryption" | "blind-index";

const SALT = Buffer.from("clinigraph/key-ring/v1");

export function deriveSubkey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", master, SALT, `clinigraph:${purpose}`, 32));
}

export class MasterKey {
  readonly encryption: Buffer;
  readonly blindIndex: Buffer;

  constructor(
    readonly id: string,
    /** The configured secret; only values in the pre-key-id format ("v1:") were encrypted with it directly. */
    readonly secret: Buffer,
  ) {
    if (secret.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes (base64)`);
    this.encryption = deriveSubkey(secret, "field-encryption");
    this.blindIndex = deriveSubkey(secret, "blind-index");
  }
}

export class KeyRing {
  private readonly byId: Map<string, MasterKey>;

  constructor(
    readonly current: MasterKey,
    readonly retired: MasterKey[] = [],
  ) {
    this.byId = new Map([current, ...retired].map((k) => [k.id, k]));
    if (this.byId.size !== retired.length + 1) throw new Error("encryption key ids must be distinct");
  }

  /** Current first: the order in which unversioned values are tried and lookups are built. */
  get all(): MasterKey[] {
    return [this.current, ...this.retired];
  }

  find(id: string): MasterKey | undefined {
    return this.byId.get(id);
  }

  static fromConfig(c: Pick<Config, "ENCRYPTION_KEY" | "ENCRYPTION_KEY_ID" | "ENCRYPTION_OLD_KEYS">): KeyRing {
    return new KeyRing(
      new MasterKey(c.ENCRYPTION_KEY_ID, Buffer.from(c.ENCRYPTION_KEY, "base64")),
      c.ENCRYPTION_OLD_KEYS.map((k) => new MasterKey(k.id, Buffer.from(k.key, "base64"))),
    );
  }
}
