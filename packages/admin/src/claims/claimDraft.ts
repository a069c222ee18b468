import { request } from "../data/api";

/** GraphQL text and shapes of registering a claim from the console (ClaimCreate). */
export const POLICY_LIABILITIES = `query PolicyLiabilities($id: ID!) {
  policy(id: $id) { id currency liabilities { id code name coverageRate } }
}`;

const CHECK = `query CheckClaim($eligibility: EligibilityInput!, $estimate: EstimateInput!) {
  checkEligibility(input: $eligibility) {
    eligible coverageActive inNetwork coverageRate currency deductibleRemaining preauthorizationRequired
    reasons { code message }
  }
  estimateCost(input: $estimate) {
    currency gross deductibleApplied covered patientShare payable appliedCaps
    lines { code description quantity unitPrice amount requiresPreauthorization }
  }
}`;

export const REGISTER_CLAIM = `mutation RegisterClaim($input: RegisterClaimInput!) {
  registerClaim(input: $input) { claim { id } userErrors { code field message } }
}`;

export interface Liability {
  id: string;
  code: string;
  name: string;
  coverageRate: string;
}

export interface ClaimCheck {
  checkEligibility: {
    eligible: boolean;
    coverageActive: boolean;
    inNetwork: boolean | null;
    coverageRate: string | null;
    currency: string | null;
    deductibleRemaining: string | null;
    preauthorizationRequired: string[];
    reasons: { code: string; message: string }[];
  };
  estimateCost: {
    currency: string;
    gross: string;
    deductibleApplied: string;
    covered: string;
    patientShare: string;
    payable: string;
    appliedCaps: string[];
    lines: { code: string; description: string; quantity: number; unitPrice: string; amount: string }[];
  };
}

/** One line of the form: the service as "system|code" (one choice), its quantity and an optional price. */
export interface DraftLine {
  service?: string;
  quantity?: number;
  unitPrice?: string;
}

/** The case a partner opens with its claim (registerClaim's newCase). */
export interface NewCaseDraft {
  patientId?: string;
  kind?: string;
  incidentDate?: string;
}

export interface ClaimDraft {
  caseId?: string;
  /** a partner's choice: open a new case with the claim, or pick one of its own */
  caseMode?: "new" | "existing";
  newCase?: NewCaseDraft;
  patientId?: string;
  policyId?: string;
  liabilityId?: string;
  providerId?: string;
  lines?: DraftLine[];
}

export const serviceKey = (system: string, code: string) => `${system}|${code}`;

/** The lines as the API takes them; lines without a service are left out. */
export function lineInputs(lines: DraftLine[] = []) {
  return lines
    .filter((line) => line.service)
    .map((line) => {
      const [system, code] = String(line.service).split("|");
      const unitPrice = line.unitPrice?.trim();
      return { system, code, quantity: Number(line.quantity ?? 1), ...(unitPrice ? { unitPrice } : {}) };
    });
}

/** Everything the check depends on: a check of other values does not allow saving these. */
export function draftFingerprint(draft: ClaimDraft): string {
  const kase = draft.caseMode === "new" ? draft.newCase : draft.caseId;
  return JSON.stringify([
    kase,
    draft.patientId,
    draft.policyId,
    draft.liabilityId,
    draft.providerId,
    lineInputs(draft.lines),
  ]);
}

/** registerClaim's input for a checked draft: on the chosen case, or opening the new one. */
export function registerClaimInput(draft: ClaimDraft, idempotencyKey: string) {
  const kase =
    draft.caseMode === "new"
      ? {
          newCase: {
            patientId: draft.newCase?.patientId,
            kind: draft.newCase?.kind,
            incidentDate: draft.newCase?.incidentDate,
          },
        }
      : { caseId: draft.caseId };
  return {
    ...kase,
    policyId: draft.policyId,
    liabilityId: draft.liabilityId,
    providerId: draft.providerId,
    lines: lineInputs(draft.lines),
    idempotencyKey,
  };
}

export function isCheckable(draft: ClaimDraft): boolean {
  return Boolean(
    draft.patientId && draft.policyId && draft.liabilityId && draft.providerId && lineInputs(draft.lines).length,
  );
}

/** Eligibility on today's date and the cost estimate, by the engine that prices claims. */
export function checkDraft(draft: ClaimDraft, today: string): Promise<ClaimCheck> {
  const lines = lineInputs(draft.lines);
  return request<ClaimCheck>(CHECK, {
    eligibility: {
      date: today,
      patientId: draft.patientId,
      policyId: draft.policyId,
      liabilityId: draft.liabilityId,
      providerId: draft.providerId,
      serviceCodes: lines.map(({ system, code }) => ({ system, code })),
    },
    estimate: {
      date: today,
      patientId: draft.patientId,
      policyId: draft.policyId,
      liabilityId: draft.liabilityId,
      providerId: draft.providerId,
      lines: lines.map(({ system, code, quantity }) => ({ system, code, quantity })),
    },
  });
}
