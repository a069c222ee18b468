import { describe, expect, it } from "vitest";
import { GraphQLError, Kind } from "graphql";
import { CurrencyScalar } from "./money.graphql.js";

describe("Currency scalar", () => {
  it.each(["CLP", "EUR", "BGN", "CNY", "IRR", "USD"])("accepts and shows the product's currency %s", (code) => {
    expect(CurrencyScalar.parseValue(code)).toBe(code);
    expect(CurrencyScalar.parseLiteral({ kind: Kind.STRING, value: code })).toBe(code);
    expect(CurrencyScalar.serialize(code)).toBe(code);
  });

  it.each([["eur"], ["ABC"], ["EURO"], [""], [978], [null]])(
    "refuses %j as a malformed request (BAD_USER_INPUT, HTTP 400), unlike graphql-scalars' case-blind check",
    (value) => {
      let thrown: unknown;
      try {
        CurrencyScalar.parseValue(value);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(GraphQLError);
      expect((thrown as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", http: { status: 400 } });
    },
  );

  it("refuses a non-string literal", () => {
    expect(() => CurrencyScalar.parseLiteral({ kind: Kind.INT, value: "978" })).toThrow(/ISO 4217/);
  });
});
