import { raw } from "@mikro-orm/core";
import { ExtensionPoint } from "../../platform/composition/extension-point.js";
import type { Hooks } from "../../platform/composition/hooks.js";
import {
  partnerOrStaff,
  ROW_ROLES,
  staffSourcePoints,
  staffSourcesIn,
  staffThrough,
  visibleThrough,
  type VisibilitySource,
} from "../../platform/scoping/scope.js";
import { caseStaffVisibility, caseVisibleThroughSources } from "../case/case.scope.js";

/**
 * The ways a partner organisation comes to see a patient besides registering them. Other
 * modules add their own (e.g. patients with an appointment at the partner's site) and the
 * rule ORs them all.
 */
export type PatientVisibilitySource = VisibilitySource;
export const patientVisibility = new ExtensionPoint<PatientVisibilitySource>("patient visible to a partner");

/**
 * A restricted staff role sees the patients of the cases it sees, plus those its role's
 * sources grant (the visit module adds "patients of my assigned visits").
 */
export const patientStaffVisibility = staffSourcePoints("patient");

export function registerPatientScopes(hooks: Hooks): void {
  hooks.add(patientVisibility, {
    from: "medical_case mc",
    key: "mc.patient_id",
    where: (org) => ({ sql: "mc.registered_by_id = ? or mc.hospital_id = ?", params: [org, org] }),
  });
  hooks.add(patientVisibility, {
    // Whoever sees a case through another module (a lab through its order, an agency
    // through its claim) sees that case's patient: `order.case.patient` must not be null.
    from: "medical_case mc",
    key: "mc.patient_id",
    where: (org, mode) => caseVisibleThroughSources(hooks, "mc.id", org, mode),
  });
  const caseStaffSources = staffSourcesIn(hooks, caseStaffVisibility);
  for (const role of ROW_ROLES)
    hooks.add(patientStaffVisibility[role], {
      from: "medical_case mc",
      key: "mc.patient_id",
      where: (userId, mode) => visibleThrough(caseStaffSources[role], "mc.id", userId, mode),
    });
  const patientVisibilitySources = hooks.list(patientVisibility);

  /** Partners see the patients they registered, plus those any visibility source grants them. */
  hooks.defineScope(
    "Patient",
    partnerOrStaff(
      (p, mode) => {
        const org = p.organizationId;
        if (patientVisibilitySources.length === 0) return { registeredBy: org };
        const { params } = visibleThrough(patientVisibilitySources, "", org, mode);
        // A fresh raw fragment per call: MikroORM caches a fragment by its serialised key, and the
        // callback form gets the alias of whichever query (root or join) the filter lands in.
        return {
          $or: [
            { registeredBy: org },
            {
              [raw((alias: string) => visibleThrough(patientVisibilitySources, `${alias}.id`, org, mode).sql, params)]:
                [],
            },
          ],
        };
      },
      staffThrough(staffSourcesIn(hooks, patientStaffVisibility), (alias) => `${alias}.id`),
    ),
  );
}
