import { describe, expect, it } from "vitest";
import { redactUrl, redactVariables } from "./request-log.js";

describe("redactVariables", () => {
  it("replaces secret-named values at any depth, whatever their case", () => {
    const out = redactVariables({
      input: {
        email: "ana@example.org",
        password: "hunter2",
        newPassword: "hunter3",
        nested: [{ refreshToken: "r1", API_KEY: "k1", clientSecret: "s1", apiKey: "k2" }],
        bankAccount: { number: "000123456789", scheme: "CL_ACCOUNT" },
        nationalId: "15.732.418-6",
      },
    });
    expect(out).toEqual({
      input: {
        email: "ana@example.org",
        password: "[redacted]",
        newPassword: "[redacted]",
        nested: [
          { refreshToken: "[redacted]", API_KEY: "[redacted]", clientSecret: "[redacted]", apiKey: "[redacted]" },
        ],
        bankAccount: "[redacted]",
        nationalId: "[redacted]",
      },
    });
  });

  it("bounds long strings, long lists and deep nesting", () => {
    const out = redactVariables({ s: "x".repeat(500), list: Array.from({ length: 30 }, (_, i) => i) }) as {
      s: string;
      list: unknown[];
    };
    expect(out.s.length).toBeLessThan(210);
    expect(out.list).toHaveLength(21);
    expect(out.list[20]).toBe("… 10 more");
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(JSON.stringify(redactVariables(deep))).toContain("[deep]");
  });
});

describe("redactUrl", () => {
  it("hides credentials in the query string and keeps the rest", () => {
    expect(redactUrl("/admin/queues?token=eyJhbGciOi.abc.def&page=2")).toBe("/admin/queues?token=[redacted]&page=2");
    expect(redactUrl("/exports/visits.csv?status=SCHEDULED")).toBe("/exports/visits.csv?status=SCHEDULED");
    expect(redactUrl("/graphql")).toBe("/graphql");
    expect(redactUrl("/x?%74oken=abc&api_key=k&a=%E0")).toBe("/x?%74oken=[redacted]&api_key=[redacted]&a=%E0");
  });
});
