import { raw } from "@mikro-orm/core";
import { defineScope, visibleThrough, type VisibilitySource } from "../../../platform/scoping/scope.js";
import { caseVisibleThroughSources } from "../../case/case.scope.js";

/**
 * The ways a partner organisation comes to see a patient besides registering them. Other
 * modules push their own (e.g. patients with an appointment at the partner's site) and the
 * rule ORs them all.
 */
export type PatientVisibilitySource = VisibilitySource;

export const patientVisibilitySources: PatientVisibilitySource[] = [
  {
    from: "medical_case mc",
    key: "mc.patient_id",
    where: (org) => ({ sql: "mc.registered_by_id = ? or mc.hospital_id = ?", params: [org, org] }),
  },
  {
    // Whoever sees a case through another module (a lab through its order, an agency
    // through its claim) sees that case's patient: `order.case.patient` must not be null.
    from: "medical_case mc",
    key: "mc.patient_id",
    where: (org, mode) => caseVisibleThroughSources("mc.id", org, mode),
  },
];

/** Partners see the patients they registered, plus those any visibility source grants them. */
defineScope("Patient", (p, mode) => {
  if (p.kind !== "PARTNER") return p.kind === "STAFF" ? "ALL" : "NONE";
  const org = p.organizationId;
  if (patientVisibilitySources.length === 0) return { registeredBy: org };
  const { params } = visibleThrough(patientVisibilitySources, "", org, mode);
  // A fresh raw fragment per call: MikroORM caches a fragment by its serialised key, and the
  // callback form gets the alias of whichever query (root or join) the filter lands in.
  return {
    $or: [
      { registeredBy: org },
      { [raw((alias: string) => visibleThrough(patientVisibilitySources, `${alias}.id`, org, mode).sql, params)]: [] },
    ],
  };
});
