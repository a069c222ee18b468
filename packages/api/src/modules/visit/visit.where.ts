import type { FilterQuery } from "@mikro-orm/core";
import { z } from "zod";
import { validate } from "../../platform/validation/validate.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import { INPUT_LIMITS } from "../../platform/graphql/input-limits.js";
import type { Visit } from "./visit.entity.js";
import { VisitConclusion, VisitKind, VisitStatus } from "./visit.enums.js";
import type { VisitFilter } from "./visit.inputs.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

/** The task-list filter as a where-clause; row scoping is added by the ORM filter, not here. */
export function visitWhere(filter?: VisitFilter | null): FilterQuery<Visit> {
  const and: Record<string, unknown>[] = [];
  if (!filter) return {};
  const ids = idsCondition(filter.ids);
  if (ids) and.push(ids);
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.assigneeId) and.push({ assignee: filter.assigneeId });
  if (filter.hospitalId) and.push({ site: filter.hospitalId });
  if (filter.patientId) and.push({ patient: filter.patientId });
  if (filter.caseId) and.push({ case: filter.caseId });
  if (filter.scheduledFrom) and.push({ scheduledAt: { $gte: filter.scheduledFrom } });
  if (filter.scheduledTo) and.push({ scheduledAt: { $lt: filter.scheduledTo } });
  if (filter.conclusion) and.push({ conclusion: filter.conclusion });
  if (filter.returned === true) and.push({ $or: [{ status: VisitStatus.RETURNED }, { returnCount: { $gt: 0 } }] });
  if (filter.returned === false) and.push({ status: { $ne: VisitStatus.RETURNED }, returnCount: 0 });
  if (filter.search?.trim()) {
    const text = filter.search.trim();
    const like = likePattern(text);
    and.push({
      $or: [
        { number: { $ilike: like } },
        { case: { number: { $ilike: like } } },
        {
          patient: { $or: [{ firstName: { $ilike: like } }, { lastName: { $ilike: like } }, { customerNumber: text }] },
        },
      ],
    });
  }
  return (and.length === 0 ? {} : and.length === 1 ? and[0] : { $and: and }) as FilterQuery<Visit>;
}

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item)).optional();
const id = z.uuid("must be an id").optional();
const time = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .transform((s) => new Date(s))
  .optional();

const querySchema = z.object({
  status: list(z.enum(VisitStatus)),
  kind: z.enum(VisitKind).optional(),
  assigneeId: id,
  hospitalId: id,
  patientId: id,
  caseId: id,
  scheduledFrom: time,
  scheduledTo: time,
  conclusion: z.enum(VisitConclusion).optional(),
  returned: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  search: z.string().max(INPUT_LIMITS.search).optional(),
});

/** The same filter from an export URL's query string (`?status=SCHEDULED,IN_PROGRESS&hospitalId=…`). */
export function visitFilterFromQuery(query: Record<string, unknown>): VisitFilter {
  const picked = Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v.map(String).join(",") : v]),
  );
  return validate(querySchema, picked) as VisitFilter;
}
