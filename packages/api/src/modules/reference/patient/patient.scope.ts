import { raw } from "@mikro-orm/core";
import { defineScope } from "../../../platform/scoping/scope.js";
import { caseVisibleThroughSources } from "../../case/case.scope.js";

/**
 * One way a partner organisation comes to see a patient: a SQL select of patient ids,
 * with `?` placeholders filled by `params(orgId)`. Other modules push their own sources
 * (e.g. patients of orders the partner is the provider of) and the rule ORs them all.
 */
export interface PatientVisibilitySource {
  name: string;
  sql: string;
  params: (organizationId: string) => unknown[];
}

export const patientVisibilitySources: PatientVisibilitySource[] = [
  {
    name: "cases",
    sql: "select mc.patient_id from medical_case mc where mc.registered_by_id = ? or mc.hospital_id = ?",
    params: (org) => [org, org],
  },
  {
    // Whoever sees a case through another module (a lab through its order, an agency
    // through its claim) sees that case's patient: `order.case.patient` must not be null.
    name: "visible cases",
    get sql() {
      return `select mc.patient_id from medical_case mc where ${caseVisibleThroughSources("mc.id", "?").sql}`;
    },
    params: (org) => caseVisibleThroughSources("mc.id", org).params,
  },
];

/** Partners see the patients they registered, plus those any visibility source grants them. */
defineScope("Patient", (p) => {
  if (p.kind !== "PARTNER") return p.kind === "STAFF" ? "ALL" : "NONE";
  const org = p.organizationId;
  if (patientVisibilitySources.length === 0) return { registeredBy: org };
  const union = patientVisibilitySources.map((s) => s.sql).join(" union ");
  const params = patientVisibilitySources.flatMap((s) => s.params(org));
  // A fresh raw fragment per call: MikroORM caches a fragment by its serialised key, and the
  // callback form gets the alias of whichever query (root or join) the filter lands in.
  return {
    $or: [{ registeredBy: org }, { [raw((alias: string) => `${alias}.id in (${union})`, params)]: [] }],
  };
});
