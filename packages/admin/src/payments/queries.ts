/** GraphQL text of the billing screens: a claim's payments and the day's collections. */
export const CLAIM_PAYMENTS = `query ClaimPayments($id: ID!) {
  claim(id: $id) {
    id version status currency
    paid { insurer patient }
    outstanding { insurer patient }
    payments { id payer method amount reference receivedAt }
  }
}`;

export const RECORD_PAYMENT = `mutation RecordPayment($input: RecordPaymentInput!) {
  recordPayment(input: $input) { claim { id version } userErrors { code field message } }
}`;

export const DAY_COLLECTIONS = `query DayCollections($date: LocalDate!) {
  dailyCollections(date: $date) {
    date organizationId currency receivedInsurer receivedPatient
    received { payer method amount count }
    outstandingInsurer outstandingPatient outstandingClaims
  }
}`;

export const PAYERS = ["PATIENT", "INSURER"] as const;
export const METHODS = ["TRANSFER", "CASH", "CARD", "CHECK", "MOBILE_WALLET", "OTHER"] as const;

/** Insurers remit once the claim is approved (payment.service.ts APPROVED_STATES). */
export const INSURER_PAYS_IN = ["APPROVED", "SETTLED"];

export interface ClaimPaymentsData {
  id: string;
  version: number;
  status: string;
  currency: string;
  paid: { insurer: string; patient: string };
  outstanding: { insurer: string; patient: string };
  payments: {
    id: string;
    payer: string;
    method: string;
    amount: string;
    reference: string | null;
    receivedAt: string;
  }[];
}

export interface DayCollection {
  date: string;
  organizationId: string;
  currency: string;
  receivedInsurer: string;
  receivedPatient: string;
  received: { payer: string; method: string; amount: string; count: number }[];
  outstandingInsurer: string;
  outstandingPatient: string;
  outstandingClaims: number;
}

/** A calendar day in the browser's zone, as a LocalDate (the API applies each organisation's own zone). */
export function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}
