import { describe, expect, it } from "vitest";
import { luhnValid, normalizeBankAccount, normalizeDiagnosisCodes } from "./bank-account.js";
import { BankAccountScheme } from "./visit.enums.js";

describe("payout bank account validation", () => {
  it("accepts a valid IBAN written with spaces and stores it compact", () => {
    expect(normalizeBankAccount(BankAccountScheme.IBAN, "BG80 BNBG 9661 1020 3456 78")).toBe("BG80BNBG96611020345678");
  });

  it("refuses an IBAN with a wrong check digit", () => {
    expect(() => normalizeBankAccount(BankAccountScheme.IBAN, "BG81BNBG96611020345678")).toThrow(/not a valid IBAN/);
  });

  it("accepts a Chinese bank card with a valid Luhn digit and refuses one with a wrong digit", () => {
    expect(normalizeBankAccount(BankAccountScheme.CN_CARD, "6222 0202 0000 0000 006")).toBe("6222020200000000006");
    expect(luhnValid("6222020200000000006")).toBe(true);
    expect(() => normalizeBankAccount(BankAccountScheme.CN_CARD, "6222020200000000004")).toThrow(/check digit/);
    expect(() => normalizeBankAccount(BankAccountScheme.CN_CARD, "62220202")).toThrow(/16 to 19 digits/);
  });

  it("accepts Chilean account digits and refuses letters", () => {
    expect(normalizeBankAccount(BankAccountScheme.CL_ACCOUNT, "000-12345678")).toBe("00012345678");
    expect(() => normalizeBankAccount(BankAccountScheme.CL_ACCOUNT, "12AB5678")).toThrow(/digits/);
  });
});

describe("diagnosis codes", () => {
  it("upper-cases, deduplicates and keeps ICD-10 codes", () => {
    expect(normalizeDiagnosisCodes(["s72.0", "S72.0", "J18"])).toEqual(["S72.0", "J18"]);
  });

  it("names the index of a code that is not ICD-10", () => {
    try {
      normalizeDiagnosisCodes(["J18", "hip fracture"]);
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string; field: string[] }).code).toBe("INVALID_DIAGNOSIS_CODE");
      expect((err as { field: string[] }).field).toEqual(["findings", "diagnosisCodes", "1"]);
    }
  });
});
