import { electronicFormatIBAN, isValidIBAN } from "ibantools";
import { DomainError } from "../../platform/errors/domain-error.js";
import { BankAccountScheme } from "./visit.enums.js";
import { VisitErrorCode } from "./visit.errors.js";

/**
 * Payout accounts come in three shapes in our markets. IBAN (Bulgaria and anywhere in
 * the IBAN registry) is checked by ibantools: country length and mod-97 check digits.
 * Chinese bank cards (银行卡号, UnionPay) are 16–19 digits with a Luhn check digit.
 * Chilean accounts have no public check digit and bank-specific lengths, so only the
 * shape is checked: 6–20 digits. Spaces and dashes are accepted on input and dropped.
 */
export function normalizeBankAccount(scheme: BankAccountScheme, raw: string): string {
  const compact = raw.replace(/[\s-]+/g, "");
  switch (scheme) {
    case BankAccountScheme.IBAN: {
      const iban = electronicFormatIBAN(compact) ?? "";
      if (!isValidIBAN(iban)) throw invalid("is not a valid IBAN (country, length and check digits)");
      return iban;
    }
    case BankAccountScheme.CN_CARD:
      if (!/^\d{16,19}$/.test(compact)) throw invalid("must be 16 to 19 digits");
      if (!luhnValid(compact)) throw invalid("has a wrong check digit");
      return compact;
    case BankAccountScheme.CL_ACCOUNT:
      if (!/^\d{6,20}$/.test(compact)) throw invalid("must be 6 to 20 digits");
      return compact;
  }
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function invalid(message: string): DomainError {
  return new DomainError(VisitErrorCode.INVALID_BANK_ACCOUNT, `bankAccount.number ${message}.`, [
    "bankAccount",
    "number",
  ]);
}

/** ICD-10 (WHO and -CM): a letter, two characters of category, and an optional subdivision. */
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export function normalizeDiagnosisCodes(codes: readonly string[]): string[] {
  const out: string[] = [];
  codes.forEach((raw, i) => {
    const code = raw.trim().toUpperCase();
    if (!ICD10.test(code))
      throw new DomainError(VisitErrorCode.INVALID_DIAGNOSIS_CODE, `"${raw}" is not an ICD-10 code such as S72.0.`, [
        "findings",
        "diagnosisCodes",
        String(i),
      ]);
    if (!out.includes(code)) out.push(code);
  });
  return out;
}
