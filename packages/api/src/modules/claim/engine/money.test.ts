import { describe, expect, it } from "vitest";
import { ClaimEngineError } from "./claim-engine.error.js";
import { currencyMinorDigits, formatMoney, parseMoney, roundToMinor } from "./money.js";

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ClaimEngineError) return error.code;
    throw error;
  }
  return undefined;
}

describe("currencyMinorDigits", () => {
  it.each([
    ["EUR", 2],
    ["USD", 2],
    ["BGN", 2],
    ["CNY", 2],
    ["CLP", 0],
    ["IRR", 0],
    ["BHD", 3],
  ])("knows %s has %i minor digits", (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });

  it.each(["XYZ", "eur", "EURO", ""])("refuses %j as a currency", (currency) => {
    expect(errorCodeOf(() => currencyMinorDigits(currency))).toBe("UNSUPPORTED_CURRENCY");
  });
});

describe("parseMoney", () => {
  it.each([
    ["120.50", "EUR", "120.5"],
    ["120.5", "EUR", "120.5"],
    ["7", "EUR", "7"],
    ["-3.25", "USD", "-3.25"],
    ["-0", "EUR", "0"],
    ["1500000", "IRR", "1500000"],
    ["1.125", "BHD", "1.125"],
    ["999999999999999.99", "EUR", "999999999999999.99"],
  ])("reads %j in %s as %s", (value, currency, expected) => {
    expect(parseMoney(value, currency).toString()).toBe(expected);
  });

  it.each(["1e309", "1e3", "NaN", "Infinity", "", " 1.00", "1.00 ", "+1", ".5", "5.", "1,50", "0x10", "--1", "1.2.3"])(
    "refuses %j as INVALID_AMOUNT",
    (value) => {
      expect(errorCodeOf(() => parseMoney(value, "EUR"))).toBe("INVALID_AMOUNT");
    },
  );

  it("refuses more decimals than the currency allows", () => {
    expect(errorCodeOf(() => parseMoney("10.005", "EUR"))).toBe("TOO_MANY_DECIMALS");
    expect(errorCodeOf(() => parseMoney("1000.5", "CLP"))).toBe("TOO_MANY_DECIMALS");
    expect(errorCodeOf(() => parseMoney("1000.0", "IRR"))).toBe("TOO_MANY_DECIMALS");
  });

  it("refuses amounts with more than 15 integer digits but ignores leading zeros", () => {
    expect(errorCodeOf(() => parseMoney("1000000000000000", "EUR"))).toBe("AMOUNT_TOO_LARGE");
    expect(parseMoney("0000000000000000001.00", "EUR").toString()).toBe("1");
  });

  it("names the offending field in the error", () => {
    try {
      parseMoney("abc", "EUR", ["lines", "0", "unitPrice"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClaimEngineError);
      expect((error as ClaimEngineError).field).toEqual(["lines", "0", "unitPrice"]);
    }
  });
});

describe("rounding and formatting", () => {
  it("rounds ties half-up, not to even", () => {
    expect(formatMoney(roundToMinor(parseMoney("0.025", "BHD"), "EUR"), "EUR")).toBe("0.03");
    expect(formatMoney(roundToMinor(parseMoney("0.015", "BHD"), "EUR"), "EUR")).toBe("0.02");
    expect(formatMoney(roundToMinor(parseMoney("2.5", "EUR"), "CLP"), "CLP")).toBe("3");
  });

  it("prints exactly the currency's minor digits", () => {
    expect(formatMoney(parseMoney("5", "EUR"), "EUR")).toBe("5.00");
    expect(formatMoney(parseMoney("5", "CLP"), "CLP")).toBe("5");
    expect(formatMoney(parseMoney("5.1", "BHD"), "BHD")).toBe("5.100");
  });
});
