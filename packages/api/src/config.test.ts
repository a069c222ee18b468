import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("starts with nothing set, pointing at the local Postgres and Redis", () => {
    const c = loadConfig({});
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
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ENCRYPTION_KEY: Buffer.from("16 bytes only!!!").toString("base64") })).toThrow(
      /ENCRYPTION_KEY/,
    );
  });

  it("refuses the development secrets in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET.*\n.*ENCRYPTION_KEY|ENCRYPTION_KEY/s);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "" }).PORT).toBe(4000);
  });

  it("refuses an upload byte budget smaller than the largest upload accepted", () => {
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: "1000", UPLOAD_RATE_LIMIT_BYTES: "999" })).toThrow(
      /UPLOAD_RATE_LIMIT_BYTES/,
    );
    expect(loadConfig({}).STORAGE_QUOTA_BYTES).toBe(2 * 1024 ** 3);
  });
});
