import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { SqlPart } from "../../platform/scoping/scope.js";
import { visibleIdsSql } from "../../platform/scoping/visible-ids.js";
import { likePattern as escapedLike } from "../../platform/crud/row-helpers.js";
import { Patient } from "../patient/patient.entity.js";
import type { Case } from "./case.entity.js";
import type { CaseFilter } from "./case.inputs.js";
import { SCAN_KEY_PATTERN } from "./case.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";
import { CaseErrorCode } from "./case.errors.js";

export function likePattern(text: string): string {
  return escapedLike(text.trim());
}

/**
 * The patients whose name matches `text`, among those the EntityManager's principal may
 * see (the Patient scope rule): a partner's search never matches, nor scans, another
 * tenant's patients. Resolved once per request, before the where-clause is built.
 */
export function patientsNamed(em: EntityManager, text: string): Promise<SqlPart> {
  return visibleIdsSql(em, Patient, {
    [raw((a: string) => `(${a}.first_name || ' ' || ${a}.last_name) ilike ?`, [likePattern(text)])]: true,
  } as FilterQuery<Patient>);
}

/** "`column` is one of these patients", as a where-clause key on any entity. */
export function patientIn(patientIdColumn: (alias: string) => string, patients: SqlPart): Record<string, unknown> {
  return { [raw((alias: string) => `(${patientIdColumn(alias)} in (${patients.sql}))`, patients.params)]: true };
}

/** What a search needs resolved beforehand (see patientsNamed); null without a search. */
export async function caseSearchFor(em: EntityManager, filter?: CaseFilter | null): Promise<SqlPart | null> {
  return filter?.search?.trim() ? patientsNamed(em, filter.search) : null;
}

/** `patients`: caseSearchFor's answer, required when the filter has a search. */
export function caseWhere(filter?: CaseFilter | null, patients: SqlPart | null = null): FilterQuery<Case> {
  const and: Record<string, unknown>[] = [];
  if (!filter) return {};
  if (filter.scanKey != null) {
    const key = filter.scanKey.trim();
    if (!SCAN_KEY_PATTERN.test(key))
      throw new DomainError(CaseErrorCode.INVALID_SCAN_KEY, "scanKey must be 16 digits (customer number + YYYYMMDD).", [
        "filter",
        "scanKey",
      ]);
    and.push({ scanKey: key });
  }
  const ids = idsCondition(filter.ids);
  if (ids) and.push(ids);
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.kind?.length) and.push({ kind: { $in: filter.kind } });
  if (filter.patientId) and.push({ patient: filter.patientId });
  if (filter.registeredById) and.push({ registeredBy: filter.registeredById });
  if (filter.hospitalId) and.push({ hospital: filter.hospitalId });
  if (filter.incidentFrom) and.push({ incidentDate: { $gte: filter.incidentFrom } });
  if (filter.incidentTo) and.push({ incidentDate: { $lte: filter.incidentTo } });
  if (filter.search?.trim()) {
    if (!patients) throw new Error("caseWhere: a search needs caseSearchFor's patients");
    const like = likePattern(filter.search);
    and.push({
      $or: [{ number: { $ilike: like } }, { scanKey: { $ilike: like } }, patientIn((a) => `${a}.patient_id`, patients)],
    });
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<Case>;
}
