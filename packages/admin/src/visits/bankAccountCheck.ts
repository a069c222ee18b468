/**
 * The payout account checks of the API (packages/api/src/modules/visit/bank-account.ts),
 * run as the visitor types so a wrong digit shows at once; the API checks again on save.
 * Each returns an i18n key of what is wrong, or undefined when the number looks right.
 */

/** IBAN lengths by country for the countries we pay out in; others are checked by mod 97 only. */
const IBAN_LENGTHS: Record<string, number> = { BG: 22, ES: 24, DE: 22, FR: 27, IT: 27, GB: 22, NL: 18, PT: 25, IR: 26 };

export function compactAccount(raw: string): string {
  return raw.replace(/[\s-]+/g, "").toUpperCase();
}

function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length && iban.length !== length) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
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

export function bankAccountProblem(
  scheme: string | null | undefined,
  raw: string | null | undefined,
): string | undefined {
  const number = compactAccount(raw ?? "");
  if (number === "") return undefined;
  switch (scheme) {
    case "IBAN":
      return ibanValid(number) ? undefined : "clinigraph.findings.invalid_iban";
    case "CN_CARD":
      if (!/^\d{16,19}$/.test(number)) return "clinigraph.findings.invalid_cn_card_length";
      return luhnValid(number) ? undefined : "clinigraph.findings.invalid_check_digit";
    case "CL_ACCOUNT":
      return /^\d{6,20}$/.test(number) ? undefined : "clinigraph.findings.invalid_cl_account";
    default:
      return "clinigraph.findings.pick_scheme";
  }
}

/** ICD-10 as the API takes it: a letter, two characters of category, an optional subdivision. */
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** "s72.0, J18.9" → ["S72.0", "J18.9"]; duplicates dropped. */
export function parseDiagnosisCodes(text: string): string[] {
  const codes = text
    .split(/[\s,;，；]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

export function invalidDiagnosisCodes(codes: string[]): string[] {
  return codes.filter((code) => !ICD10.test(code));
}
