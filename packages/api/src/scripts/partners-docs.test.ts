import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allErrorCodeSets } from "../modules/error-codes.js";
import { collectErrorCodes, PARTNERS_DOC, renderDoc } from "./partners-docs.js";

describe("docs/partners.md", () => {
  it("has generated sections that match the code (run `pnpm docs:partners` when this fails)", () => {
    const doc = readFileSync(PARTNERS_DOC, "utf8");
    expect(renderDoc(doc)).toBe(doc);
  });

  it("lists the codes partners meet, from the modules' declared enums", () => {
    const codes = collectErrorCodes();
    for (const code of [
      "STALE_VERSION",
      "NOT_FOUND",
      "FINAL_REPORT_REQUIRED",
      "CONFIRMATION_DEADLINE_PASSED",
      "INVALID_WEBHOOK_URL",
      "UNKNOWN_MODIFIER",
      "PATIENT_NOT_MEMBER",
    ])
      expect(codes.has(code), code).toBe(true);
  });

  it("documents every declared code with its description, each code once", () => {
    const doc = readFileSync(PARTNERS_DOC, "utf8");
    const section = /BEGIN GENERATED: error-codes[\s\S]*END GENERATED: error-codes/.exec(doc)![0];
    for (const set of allErrorCodeSets)
      for (const code of Object.values(set.codes)) {
        expect(set.descriptions[code], code).toMatch(/\S/);
        expect(section.split(`\n| \`${code}\` |`).length - 1, code).toBe(1);
      }
  });
});
