import { describe, expect, it } from "vitest";
import { editedGross, sumDecimals, type ClaimLine } from "../src/claims/queries";
import { collectionsCsvRows } from "../src/payments/CollectionsPage";
import { bankAccountProblem, invalidDiagnosisCodes, parseDiagnosisCodes } from "../src/visits/bankAccountCheck";
import { entryInput } from "../src/visits/findingsQueries";

describe("the findings form checks what the API checks, as the visitor types", () => {
  it("takes a valid IBAN with spaces and refuses a wrong check digit or length", () => {
    expect(bankAccountProblem("IBAN", "BG80 BNBG 9661 1020 3456 78")).toBeUndefined();
    expect(bankAccountProblem("IBAN", "BG81 BNBG 9661 1020 3456 78")).toBe("clinigraph.findings.invalid_iban");
    expect(bankAccountProblem("IBAN", "BG80 BNBG 9661 1020 3456 7")).toBe("clinigraph.findings.invalid_iban");
  });

  it("checks a Chinese card's length and Luhn digit, and a Chilean account's digits", () => {
    expect(bankAccountProblem("CN_CARD", "6222 0202 0000 0000 006")).toBeUndefined();
    expect(bankAccountProblem("CN_CARD", "6222020200000000007")).toBe("clinigraph.findings.invalid_check_digit");
    expect(bankAccountProblem("CN_CARD", "62220202")).toBe("clinigraph.findings.invalid_cn_card_length");
    expect(bankAccountProblem("CL_ACCOUNT", "00-123-4567")).toBeUndefined();
    expect(bankAccountProblem("CL_ACCOUNT", "12AB")).toBe("clinigraph.findings.invalid_cl_account");
  });

  it("leaves an empty number alone (the account on file stays) but wants a scheme for a typed one", () => {
    expect(bankAccountProblem(null, "")).toBeUndefined();
    expect(bankAccountProblem(null, "123456")).toBe("clinigraph.findings.pick_scheme");
  });

  it("reads diagnosis codes however they are separated and names the ones that are not ICD-10", () => {
    const codes = parseDiagnosisCodes("s72.0, J18.9；J18.9 pneumonia");
    expect(codes).toEqual(["S72.0", "J18.9", "PNEUMONIA"]);
    expect(invalidDiagnosisCodes(codes)).toEqual(["PNEUMONIA"]);
  });

  it("sends the findings given, every link, and a bank account only when one was typed", () => {
    const links = [{ policyId: "p", liabilityId: "l" }];
    const input = entryInput({ ward: " 3B ", bed: "", diagnosisCodes: ["S72.0"], links, bankScheme: "IBAN" });
    expect(input).toEqual({
      findings: {
        admissionDate: undefined,
        ward: "3B",
        bed: undefined,
        diagnosisCodes: ["S72.0"],
        investigationResult: undefined,
      },
      liabilityLinks: { mode: "REPLACE", links },
    });
    expect(entryInput({ bankScheme: "CN_CARD", bankNumber: "6222020200000000006" }).bankAccount).toEqual({
      scheme: "CN_CARD",
      number: "6222020200000000006",
    });
  });
});

describe("the reviewer's totals", () => {
  const line = (id: string, amount: string, approvedAmount: string | null = null) =>
    ({ id, amount, approvedAmount }) as ClaimLine;

  it("add decimal strings exactly, without float drift", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["800000", "0.0001"])).toBe("800000.0001");
    expect(sumDecimals(["1", "x"])).toBeNull();
  });

  it("count an unsaved edit in the approved gross before it is saved", () => {
    const lines = [line("a", "100.00"), line("b", "50.00", "40.00")];
    expect(editedGross(lines, {})).toBe("140");
    expect(editedGross(lines, { a: { approvedAmount: "60", reason: "" } })).toBe("100");
  });
});

describe("daily collections as CSV", () => {
  it("names the organisation and spreads what came in by payer and method", () => {
    const rows = collectionsCsvRows(
      [
        {
          date: "2026-12-07",
          organizationId: "o1",
          currency: "CLP",
          receivedInsurer: "1000",
          receivedPatient: "200",
          received: [
            { payer: "INSURER", method: "TRANSFER", amount: "1000", count: 1 },
            { payer: "PATIENT", method: "CASH", amount: "200", count: 2 },
          ],
          outstandingInsurer: "0",
          outstandingPatient: "50",
          outstandingClaims: 1,
        },
      ],
      new Map([["o1", "Clínica Puerto"]]),
    );
    expect(rows[0]).toMatchObject({
      organization: "Clínica Puerto",
      "received.INSURER.TRANSFER": "1000",
      "received.PATIENT.CASH": "200",
      outstandingPatient: "50",
    });
  });
});
