import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { Case, CaseStatus } from "../case/case.entity.js";
import { CaseService, scanKeyOf } from "../case/case.service.js";
import { Patient } from "../patient/patient.entity.js";
import type { NewClaimCaseInput } from "./claim.inputs.js";

/**
 * The case of registerClaim's `newCase` (SPEC §8 "Intake by partners"): an agency or a
 * clinic opens the file and the claim in one call. The file is the scan key (customer
 * number + incident date): the caller's OPEN case with that key is reused, so a second
 * claim of the same incident lands in the same file; otherwise registerCase's rules apply
 * (the patient through the caller's scope, the scan key checked, an inpatient hospital).
 */
export async function openClaimCase(
  em: EntityManager,
  principal: Principal,
  requestId: string | null,
  input: NewClaimCaseInput,
): Promise<Case> {
  const patient = await em.findOne(Patient, { id: input.patientId });
  const registrant = principal.kind === "PARTNER" || principal.kind === "STAFF" ? principal.organizationId : null;
  const scanKey = patient ? scanKeyOf(patient.customerNumber, input.incidentDate) : null;
  // A scan key that disagrees is left to registerCase, which refuses it (SCAN_KEY_MISMATCH).
  if (scanKey && registrant && /^\d{16}$/.test(scanKey) && (!input.scanKey || input.scanKey === scanKey)) {
    const existing = await em.findOne(Case, {
      scanKey,
      registeredBy: registrant,
      kind: input.kind,
      status: CaseStatus.OPEN,
    });
    if (existing) return existing;
  }
  return new CaseService(em, principal, requestId).register({ ...input, idempotencyKey: null });
}
