import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadDatabaseUrl } from "./config.js";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("base64");

describe("configuration", () => {
  it("starts with only NODE_ENV=development set, pointing at the local Postgres and Redis", () => {
    const c = loadConfig({ NODE_ENV: "development" });
    expect(c.DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/clinigraph");
    expect(c.REDIS_URL).toBe("redis://127.0.0.1:6379/0");
    expect(c.PORT).toBe(4000);
  });

  it("names every malformed variable in one error", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "not a url", TIME_ZONE: "Mars/Olympus" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/DATABASE_URL/);
      expect(msg).toMatch(/TIME_ZONE/);
    }
  });

  it("refuses a short JWT secret and a wrong-size encryption key", () => {
    expect(() => loadConfig({ NODE_ENV: "test", JWT_SECRET: "short" })).toThrow(/JWT_SECRET/);
    expect(() =>
      loadConfig({ NODE_ENV: "test", ENCRYPTION_KEY: Buffer.from("16 bytes only!!!").toString("base64") }),
    ).toThrow(/ENCRYPTION_KEY/);
  });

  it("refuses the development secrets in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET.*\n.*ENCRYPTION_KEY/s);
  });

  it("refuses the development secrets when NODE_ENV is unset, naming the variables to set", () => {
    try {
      loadConfig({});
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^JWT_SECRET: not set.*NODE_ENV=development or test.*production or unset/);
      expect(problems[1]).toMatch(/^ENCRYPTION_KEY: not set/);
      expect(problems.join("\n")).toMatch(/Set JWT_SECRET .* and ENCRYPTION_KEY/);
    }
  });

  it("runs as production when NODE_ENV is unset but real secrets are given", () => {
    const c = loadConfig({ JWT_SECRET: "x".repeat(40), ENCRYPTION_KEY: KEY_A });
    expect(c.NODE_ENV).toBe("production");
    expect(c.ENCRYPTION_KEY_ID).toBe("k1");
    expect(c.ENCRYPTION_OLD_KEYS).toEqual([]);
  });

  it("reads retired encryption keys with their ids, and refuses malformed or clashing ones", () => {
    const c = loadConfig({
      NODE_ENV: "test",
      ENCRYPTION_KEY_ID: "k2",
      ENCRYPTION_OLD_KEYS: `k1:${KEY_A}, k0:${KEY_B}`,
    });
    expect(c.ENCRYPTION_OLD_KEYS).toEqual([
      { id: "k1", key: KEY_A },
      { id: "k0", key: KEY_B },
    ]);
    expect(() => loadConfig({ NODE_ENV: "test", ENCRYPTION_OLD_KEYS: `k1:${KEY_A}` })).toThrow(
      /ENCRYPTION_OLD_KEYS: must not repeat the current ENCRYPTION_KEY_ID/,
    );
    expect(() => loadConfig({ NODE_ENV: "test", ENCRYPTION_OLD_KEYS: `k0:short` })).toThrow(/ENCRYPTION_OLD_KEYS/);
    expect(() => loadConfig({ NODE_ENV: "test", ENCRYPTION_KEY_ID: "v1" })).toThrow(/ENCRYPTION_KEY_ID/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ NODE_ENV: "test", PORT: "" }).PORT).toBe(4000);
  });

  it("gives the migration scripts the database address without asking for secrets", () => {
    expect(loadDatabaseUrl({ DATABASE_URL: "postgres://db.example/x" })).toBe("postgres://db.example/x");
    expect(() => loadDatabaseUrl({ DATABASE_URL: "nope" })).toThrow(/DATABASE_URL/);
  });

  it("refuses an upload byte budget smaller than the largest upload accepted", () => {
    expect(() => loadConfig({ NODE_ENV: "test", MAX_UPLOAD_BYTES: "1000", UPLOAD_RATE_LIMIT_BYTES: "999" })).toThrow(
      /UPLOAD_RATE_LIMIT_BYTES/,
    );
    expect(loadConfig({ NODE_ENV: "test" }).STORAGE_QUOTA_BYTES).toBe(2 * 1024 ** 3);
  });
});
