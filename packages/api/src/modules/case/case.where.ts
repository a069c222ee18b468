import { raw, type FilterQuery } from "@mikro-orm/core";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { Case } from "./case.entity.js";
import type { CaseFilter } from "./case.inputs.js";
import { SCAN_KEY_PATTERN } from "./case.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Patient names live in another table; a subquery (not a join) keeps the row scope of
 * the patient out of the way: the case's own scope already decided what is visible.
 */
export function patientNameMatches(patientIdColumn: (alias: string) => string, text: string): Record<string, unknown> {
  return {
    [raw(
      (alias: string) =>
        `(${patientIdColumn(alias)} in (select p.id from patient p where (p.first_name || ' ' || p.last_name) ilike ?))`,
      [likePattern(text)],
    )]: true,
  };
}

export function caseWhere(filter?: CaseFilter | null): FilterQuery<Case> {
  const and: Record<string, unknown>[] = [];
  if (!filter) return {};
  if (filter.scanKey != null) {
    const key = filter.scanKey.trim();
    if (!SCAN_KEY_PATTERN.test(key))
      throw new DomainError("INVALID_SCAN_KEY", "scanKey must be 16 digits (customer number + YYYYMMDD).", [
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
    const like = likePattern(filter.search);
    and.push({
      $or: [
        { number: { $ilike: like } },
        { scanKey: { $ilike: like } },
        patientNameMatches((a) => `${a}.patient_id`, filter.search),
      ],
    });
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<Case>;
}
