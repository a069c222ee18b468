import { describe, expect, it } from "vitest";
import { isEnumType } from "graphql";
import { allErrorCodeSets } from "../../modules/error-codes.js";
import { OrderErrorCode } from "../../modules/order/order.errors.js";
import { apiSchema } from "../../app.js";
import { DomainError } from "./domain-error.js";
import { errorCodeSet, PlatformErrorCode, useErrorCodes } from "./error-codes.js";

describe("error codes", () => {
  it("take only a declared enum value: a free string does not compile (checked by `pnpm typecheck`)", () => {
    // @ts-expect-error a free string is not an ErrorCode
    const free = new DomainError("SOMETHING_NEW", "x");
    // @ts-expect-error not even one spelled like a declared code
    const spelled = new DomainError("STALE_VERSION", "x");
    const declared = new DomainError(OrderErrorCode.FINAL_REPORT_REQUIRED, "x");
    expect([free.code, spelled.code, declared.code]).toEqual([
      "SOMETHING_NEW",
      "STALE_VERSION",
      "FINAL_REPORT_REQUIRED",
    ]);
  });

  it("keep every value equal to its name, so the string partners read never drifts from the enum", () => {
    expect(() => errorCodeSet("Broken", { A_CODE: "ANOTHER" }, { A_CODE: "x" })).toThrow(/must equal its value/);
  });

  it("are declared by one module each", () => {
    const twice = errorCodeSet("Twice", { STALE_VERSION: "STALE_VERSION" }, { STALE_VERSION: "again" });
    expect(() => useErrorCodes([...allErrorCodeSets, twice])).toThrow(/STALE_VERSION is declared by both/);
    useErrorCodes(allErrorCodeSets);
  });

  it("are the schema's UserErrorCode enum, every value described", async () => {
    const schema = await apiSchema();
    const type = schema.getType("UserErrorCode");
    if (!isEnumType(type)) throw new Error("UserErrorCode is not an enum");
    const declared = allErrorCodeSets.flatMap((s) => Object.values(s.codes) as string[]).sort();
    expect(type.getValues().map((v) => v.name)).toEqual(declared);
    expect(type.getValues().filter((v) => !v.description?.trim())).toEqual([]);
    expect(declared).toContain(PlatformErrorCode.STALE_VERSION);
  });
});
