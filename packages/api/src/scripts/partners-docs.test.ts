import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectErrorCodes, PARTNERS_DOC, renderDoc } from "./partners-docs.js";

describe("docs/partners.md", () => {
  it("has generated sections that match the code (run `pnpm docs:partners` when this fails)", () => {
    const doc = readFileSync(PARTNERS_DOC, "utf8");
    expect(renderDoc(doc)).toBe(doc);
  });

  it("lists the codes partners meet, collected from the code", () => {
    const codes = collectErrorCodes();
    for (const code of [
      "STALE_VERSION",
      "NOT_FOUND",
      "FINAL_REPORT_REQUIRED",
      "CONFIRMATION_DEADLINE_PASSED",
      "INVALID_WEBHOOK_URL",
    ])
      expect(codes.has(code), code).toBe(true);
  });
});
