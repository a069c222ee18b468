import type { CodeableConcept, Coding, Identifier, Money } from "@medplum/fhirtypes";
import { ClaimStatus } from "../claim/claim.enums.js";
import { money } from "../claim/engine/money.js";
import { OrderStatus } from "../order/order.entity.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { PolicyStatus } from "../policy/policy.entity.js";
import { VisitStatus } from "../visit/visit.enums.js";

/**
 * The code systems and status tables of the FHIR face (docs/fhir.md prints them). Our
 * statuses map onto the FHIR value set each resource requires; the exact local status
 * travels beside it as a coding of the operator's own system, so nothing is lost.
 */

/** Code systems published by others. */
export const SYSTEMS = {
  ICD10: "http://hl7.org/fhir/sid/icd-10",
  CDT: "http://www.ada.org/cdt",
  CPT: "http://www.ama-assn.org/go/cpt",
  ADJUDICATION: "http://terminology.hl7.org/CodeSystem/adjudication",
  ORGANIZATION_TYPE: "http://terminology.hl7.org/CodeSystem/organization-type",
  ACT_CODE: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  CLAIM_TYPE: "http://terminology.hl7.org/CodeSystem/claim-type",
  PROCESS_PRIORITY: "http://terminology.hl7.org/CodeSystem/processpriority",
  PAYEE_TYPE: "http://terminology.hl7.org/CodeSystem/payeetype",
  ISO_4217: "urn:iso:std:iso:4217",
  LANGUAGE: "urn:ietf:bcp:47",
} as const;

/** Systems the operator names, under FHIR_SYSTEM_BASE. */
export class OperatorSystems {
  constructor(readonly base: string) {}
  /** Identifier systems: `<base>/sid/<name>`. */
  sid(name: IdentifierName): string {
    return `${this.base}/sid/${name}`;
  }
  /** Local code systems: `<base>/CodeSystem/<name>`. */
  codeSystem(name: LocalCodeSystem): string {
    return `${this.base}/CodeSystem/${name}`;
  }
  identifier(name: IdentifierName, value: string, use?: Identifier["use"]): Identifier {
    return use ? { use, system: this.sid(name), value } : { system: this.sid(name), value };
  }
  local(name: LocalCodeSystem, code: string, display?: string): Coding {
    return display ? { system: this.codeSystem(name), code, display } : { system: this.codeSystem(name), code };
  }
  /** A service code of the fee schedule: CDT and CPT under their owners' systems, anything else local. */
  serviceCoding(system: string, code: string, display?: string): Coding {
    const uri = system === "CDT" ? SYSTEMS.CDT : system === "CPT" ? SYSTEMS.CPT : this.codeSystem("service-code");
    return display ? { system: uri, code, display } : { system: uri, code };
  }
}

export const IDENTIFIER_NAMES = [
  "customer-number",
  "national-id",
  "tax-id",
  "order-number",
  "case-number",
  "scan-key",
  "claim-number",
  "policy-number",
  "visit-number",
  "staff-email",
  "settlement-reference",
] as const;
export type IdentifierName = (typeof IDENTIFIER_NAMES)[number];

export const LOCAL_CODE_SYSTEMS = [
  "order-status",
  "order-kind",
  "specialty",
  "claim-status",
  "claim-kind",
  "visit-status",
  "policy-status",
  "policy-type",
  "organization-kind",
  "service-code",
  "liability",
  "task-type",
  "return-reason",
  "document-type",
  "report-kind",
] as const;
export type LocalCodeSystem = (typeof LOCAL_CODE_SYSTEMS)[number];

export function concept(...coding: Coding[]): CodeableConcept {
  return { coding };
}

/** FHIR Money: the decimal as a JSON number (FHIR's decimal), rendered to the currency's minor unit first. */
export function fhirMoney(value: string | null | undefined, currency: string): Money | undefined {
  if (value === null || value === undefined) return undefined;
  return { value: Number(money(value, currency)), currency: currency as Money["currency"] };
}

// ---- status tables (docs/fhir.md "Status mappings") ----

export const SERVICE_REQUEST_STATUS: Record<OrderStatus, "active" | "on-hold" | "revoked" | "completed"> = {
  [OrderStatus.ISSUED]: "active",
  [OrderStatus.CONFIRMED]: "active",
  [OrderStatus.IN_EVALUATION]: "active",
  [OrderStatus.IN_VERIFICATION]: "active",
  [OrderStatus.REJECTED]: "active",
  [OrderStatus.VALIDATED_FOR_BILLING]: "completed",
  [OrderStatus.BILLED]: "completed",
  [OrderStatus.SUSPENDED]: "on-hold",
  [OrderStatus.VOIDED]: "revoked",
  [OrderStatus.EXPIRED]: "revoked",
};

type TaskStatus =
  "draft" | "requested" | "accepted" | "rejected" | "cancelled" | "in-progress" | "on-hold" | "failed" | "completed";

export const ORDER_TASK_STATUS: Record<OrderStatus, TaskStatus> = {
  [OrderStatus.ISSUED]: "requested",
  [OrderStatus.CONFIRMED]: "accepted",
  [OrderStatus.IN_EVALUATION]: "in-progress",
  [OrderStatus.IN_VERIFICATION]: "in-progress",
  [OrderStatus.REJECTED]: "in-progress",
  [OrderStatus.VALIDATED_FOR_BILLING]: "completed",
  [OrderStatus.BILLED]: "completed",
  [OrderStatus.SUSPENDED]: "on-hold",
  [OrderStatus.VOIDED]: "cancelled",
  [OrderStatus.EXPIRED]: "failed",
};

export const CLAIM_TASK_STATUS: Record<ClaimStatus, TaskStatus> = {
  [ClaimStatus.DRAFT]: "draft",
  [ClaimStatus.SUBMITTED]: "requested",
  [ClaimStatus.IN_REVIEW]: "in-progress",
  [ClaimStatus.RETURNED]: "on-hold",
  [ClaimStatus.APPROVED]: "completed",
  [ClaimStatus.DENIED]: "rejected",
  [ClaimStatus.SETTLED]: "completed",
  [ClaimStatus.CANCELLED]: "cancelled",
};

export const CLAIM_STATUS: Record<ClaimStatus, "active" | "cancelled" | "draft"> = {
  [ClaimStatus.DRAFT]: "draft",
  [ClaimStatus.SUBMITTED]: "active",
  [ClaimStatus.IN_REVIEW]: "active",
  [ClaimStatus.RETURNED]: "active",
  [ClaimStatus.APPROVED]: "active",
  [ClaimStatus.DENIED]: "active",
  [ClaimStatus.SETTLED]: "active",
  [ClaimStatus.CANCELLED]: "cancelled",
};

/** A ClaimResponse exists once the review has answered: returned, approved, denied or settled. */
export const CLAIM_RESPONSE_OUTCOME: Partial<Record<ClaimStatus, "complete" | "partial" | "error">> = {
  [ClaimStatus.RETURNED]: "partial",
  [ClaimStatus.APPROVED]: "complete",
  [ClaimStatus.DENIED]: "error",
  [ClaimStatus.SETTLED]: "complete",
};

export const ENCOUNTER_STATUS: Record<VisitStatus, "planned" | "in-progress" | "finished" | "cancelled"> = {
  [VisitStatus.PENDING_ASSIGNMENT]: "planned",
  [VisitStatus.SCHEDULED]: "planned",
  [VisitStatus.IN_PROGRESS]: "in-progress",
  [VisitStatus.IN_REVIEW]: "in-progress",
  [VisitStatus.RETURNED]: "in-progress",
  [VisitStatus.COMPLETED]: "finished",
  [VisitStatus.NO_SHOW]: "cancelled",
  [VisitStatus.CANCELLED]: "cancelled",
};

export const APPOINTMENT_STATUS: Record<
  VisitStatus,
  "proposed" | "booked" | "fulfilled" | "noshow" | "cancelled" | "arrived"
> = {
  [VisitStatus.PENDING_ASSIGNMENT]: "proposed",
  [VisitStatus.SCHEDULED]: "booked",
  [VisitStatus.IN_PROGRESS]: "arrived",
  [VisitStatus.IN_REVIEW]: "arrived",
  [VisitStatus.RETURNED]: "arrived",
  [VisitStatus.COMPLETED]: "fulfilled",
  [VisitStatus.NO_SHOW]: "noshow",
  [VisitStatus.CANCELLED]: "cancelled",
};

export const COVERAGE_STATUS: Record<PolicyStatus, "active" | "cancelled"> = {
  [PolicyStatus.ACTIVE]: "active",
  // Still the same contract: the period and the local status say it gives no coverage now.
  [PolicyStatus.SUSPENDED]: "active",
  [PolicyStatus.EXPIRED]: "active",
  [PolicyStatus.CANCELLED]: "cancelled",
};

/** http://terminology.hl7.org/CodeSystem/organization-type for each kind. */
export const ORGANIZATION_TYPE: Record<OrganizationKind, { code: string; display: string }> = {
  [OrganizationKind.OPERATOR]: { code: "govt", display: "Government" },
  [OrganizationKind.CLINIC]: { code: "prov", display: "Healthcare Provider" },
  [OrganizationKind.LAB]: { code: "prov", display: "Healthcare Provider" },
  [OrganizationKind.HOSPITAL]: { code: "prov", display: "Healthcare Provider" },
  [OrganizationKind.INTERCONSULTANT]: { code: "prov", display: "Healthcare Provider" },
  [OrganizationKind.AGENCY]: { code: "bus", display: "Non-Healthcare Business or Corporation" },
  [OrganizationKind.INSURER]: { code: "ins", display: "Insurance Company" },
};

/** Local statuses whose FHIR status is one of `fhirCodes` (search by status). */
export function localStatuses<L extends string>(table: Record<L, string>, fhirCodes: readonly string[]): L[] {
  return (Object.keys(table) as L[]).filter((l) => fhirCodes.includes(table[l]));
}
