/** GraphQL text of the visitor's findings screen (探访信息录入); the generated selection covers the rest. */
export const VISIT_ENTRY = `query VisitEntry($id: ID!) {
  visit(id: $id) {
    id version status returnReason returnCount
    liabilityLinks { id policyId liabilityId }
    history { id event fromStatus toStatus reason reasonCode reference actorKind actorName createdAt }
    entries { id createdAt actorKind actorName conclusion changes { field before after } }
  }
}`;

/** One save of the findings as the API keeps it (Visit.entries). */
export interface SavedEntry {
  id: string;
  createdAt: string;
  actorKind: string;
  actorName: string | null;
  conclusion: string | null;
  changes: { field: string; before: string[]; after: string[] }[];
}

/** The patient's policies with their liabilities: what a visit may be linked to (分案). */
export const PATIENT_POLICIES = `query PatientPolicies($patientId: ID!) {
  policies(first: 50, filter: { patientId: $patientId }) {
    nodes { id number type holderName liabilities { id code name } }
  }
}`;

const PAYLOAD = `visit { id version status } userErrors { code field message }`;

export const SAVE_FINDINGS = `mutation SaveFindings($input: SaveVisitFindingsInput!) {
  saveVisitFindings(input: $input) { ${PAYLOAD} }
}`;

export const CONCLUDE = `mutation Conclude($input: ConcludeVisitInput!) {
  concludeVisit(input: $input) { ${PAYLOAD} }
}`;

export interface LinkValue {
  policyId: string;
  liabilityId: string;
}

export interface PatientPolicy {
  id: string;
  number: string;
  type: string;
  holderName: string;
  liabilities: { id: string; code: string; name: string }[];
}

/** What the findings form holds; empty strings are "not given" and are not sent. */
export interface FindingsValues {
  admissionDate?: string | null;
  ward?: string | null;
  bed?: string | null;
  diagnosisCodes?: string[];
  investigationResult?: string | null;
  links?: LinkValue[];
  bankScheme?: string | null;
  bankNumber?: string | null;
}

const given = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim() : undefined);

/**
 * The form's values as the entry the API takes: findings (omitted ones stay as they are),
 * the whole list of liability links, and a bank account only when one was typed (the one
 * on file is never sent back: the visitor reads it masked).
 */
export function entryInput(values: FindingsValues) {
  const bankNumber = given(values.bankNumber);
  return {
    findings: {
      admissionDate: given(values.admissionDate),
      ward: given(values.ward),
      bed: given(values.bed),
      diagnosisCodes: values.diagnosisCodes ?? [],
      investigationResult: given(values.investigationResult),
    },
    liabilityLinks: { mode: "REPLACE", links: values.links ?? [] },
    ...(bankNumber && values.bankScheme ? { bankAccount: { scheme: values.bankScheme, number: bankNumber } } : {}),
  };
}
