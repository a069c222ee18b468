import type { EntityManager } from "@mikro-orm/postgresql";
import { Case, CaseKind } from "../case/case.entity.js";
import type { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyStatus, PolicyType } from "../policy/policy.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";

/** Builders for the claim tests: a fee schedule, an insured patient and a case, written as SYSTEM. */
let counter = 0;

export async function dentalFeeSchedule(em: EntityManager, currency = "EUR"): Promise<void> {
  const existing = await em.count(ServiceCode, { system: "CDT", code: "D0150" });
  if (existing > 0) return;
  const codes = [
    ["D0150", "Comprehensive oral evaluation", "50.00", false],
    ["D0210", "Intraoral X-ray, complete series", "40.00", false],
    ["D1110", "Prophylaxis (cleaning), adult", "60.00", false],
    ["D2740", "Crown, porcelain/ceramic", "900.00", true],
  ] as const;
  for (const [code, description, fee, preauth] of codes) {
    em.create(ServiceCode, {
      system: "CDT",
      code,
      description,
      fee,
      currency,
      requiresPreauthorization: preauth,
      specialty: "dentistry",
    });
  }
  em.create(ServiceCode, {
    system: "CDT",
    code: "D9999",
    description: "Retired code",
    fee: "1.00",
    currency,
    active: false,
  });
  await em.flush();
}

export interface CoverageOptions {
  insurer: Organization;
  registeredBy: Organization;
  deductible?: string;
  coverageRate?: string;
  annualLimit?: string | null;
  perClaimLimit?: string | null;
  status?: PolicyStatus;
  validFrom?: string;
  validTo?: string;
  incidentDate?: string;
  currency?: string;
}

export interface Coverage {
  patient: Patient;
  policy: Policy;
  liability: Liability;
  kase: Case;
}

export async function insuredPatientWithCase(em: EntityManager, o: CoverageOptions): Promise<Coverage> {
  counter += 1;
  const n = String(counter).padStart(4, "0");
  const patient = em.create(Patient, {
    customerNumber: `9${String(Date.now()).slice(-3)}${n}`.slice(0, 8),
    firstName: "Mina",
    lastName: `Tehrani ${n}`,
    registeredBy: o.registeredBy,
  });
  const policy = em.create(Policy, {
    number: `POL-${Date.now().toString(36)}-${n}`,
    type: PolicyType.INDIVIDUAL,
    insurer: o.insurer,
    holderName: "Mina Tehrani",
    validFrom: o.validFrom ?? "2026-01-01",
    validTo: o.validTo ?? "2026-12-31",
    status: o.status ?? PolicyStatus.ACTIVE,
    deductible: o.deductible ?? "100.00",
    coverageRate: o.coverageRate ?? "0.8000",
    currency: o.currency ?? "EUR",
  });
  em.create(PolicyMember, { policy, patient });
  const liability = em.create(Liability, {
    policy,
    code: "DENT",
    name: "Dental care",
    coverageRate: o.coverageRate ?? "0.8000",
    annualLimit: o.annualLimit === undefined ? "2000.00" : o.annualLimit,
    perClaimLimit: o.perClaimLimit === undefined ? "1000.00" : o.perClaimLimit,
  });
  const incidentDate = o.incidentDate ?? "2026-03-10";
  const kase = em.create(Case, {
    number: `CASE-2026-${n}${Math.floor(Math.random() * 100)}`,
    patient,
    kind: CaseKind.OUTPATIENT,
    incidentDate,
    registeredBy: o.registeredBy,
    scanKey: `${patient.customerNumber}${incidentDate.replaceAll("-", "")}`,
  });
  await em.flush();
  return { patient, policy, liability, kase };
}
