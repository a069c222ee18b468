/**
 * Random selection sets of the compiled read path's property tests (issue 17): each
 * arbitrary picks some fields of one type, sometimes aliased, and some of its nested objects.
 */
import fc from "fast-check";

/** A random sub-selection: each field in or out, sometimes aliased, never empty. */
export const pick = (fields: readonly string[]) =>
  fc
    .subarray([...fields], { minLength: 1 })
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((f) =>
          fc.oneof(
            { arbitrary: fc.constant(f), weight: 8 },
            { arbitrary: fc.constant(`a_${f.split(" ")[0]}: ${f}`), weight: 1 },
          ),
        ),
      ),
    )
    .map((parts) => parts.join(" "));

export const ORG = pick(["id", "name", "kind", "language", "active", "country", "__typename"]).map((s) => `{ ${s} }`);
export const CHANGE = pick([
  "id",
  "fromStatus",
  "toStatus",
  "event",
  "reason",
  "actorKind",
  "actorName",
  "createdAt",
]).map((s) => `{ ${s} }`);
export const PATIENT = pick([
  "id",
  "firstName",
  "lastName",
  "customerNumber",
  "birthDate",
  "status",
  "nationalId",
  "declaredPolicyNumber",
  "declaredPolicyVerified",
]).map((s) => `{ ${s} }`);
export const USER = pick([
  "id",
  "email",
  "name",
  "phone",
  "language",
  "roles",
  "partnerRoles",
  "active",
  "failedLogins",
  "lastLoginAt",
  "organizationId",
  "version",
  "createdAt",
  "__typename",
]).map((s) => `{ ${s} }`);
export const POLICY = pick([
  "id",
  "number",
  "type",
  "holderName",
  "validFrom",
  "validTo",
  "status",
  "deductible",
  "coverageRate",
  "currency",
  "insurerId",
  "version",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
export const LIABILITY = pick([
  "id",
  "code",
  "name",
  "coverageRate",
  "annualLimit",
  "perClaimLimit",
  "version",
  "createdAt",
  "__typename",
]).map((s) => `{ ${s} }`);
export const BRANCH = pick(["id", "code", "name", "region", "active", "version", "createdAt", "__typename"]).map(
  (s) => `{ ${s} }`,
);
const DOCUMENT_TYPE = pick(["id", "code", "name", "description", "requiredForClaimKinds", "active", "position"]).map(
  (s) => `{ ${s} }`,
);
export const DOCUMENT = fc
  .tuple(
    pick([
      "id",
      "scanKey",
      "fileName",
      "contentType",
      "size",
      "sha256",
      "note",
      "attachedByOrganizationId",
      "attachedByKind",
      "removedAt",
      "removalReason",
      "replacedById",
      "replacesId",
      "caseId",
      "claimId",
      "visitId",
      "downloadPath",
      "createdAt",
      "__typename",
    ]),
    fc.option(DOCUMENT_TYPE),
    fc.boolean(),
  )
  .map(([s, t, c]) => `{ ${s} ${t ? `documentType ${t}` : ""} ${c ? "case { id number }" : ""} }`);
export const CASE = fc
  .tuple(
    pick([
      "id",
      "number",
      "scanKey",
      "status",
      "incidentDate",
      "patientId",
      "registeredById",
      "hospitalId",
      "branchId",
      "kind",
      "availableTransitions",
      "version",
    ]),
    fc.option(PATIENT),
    fc.option(ORG),
    fc.option(ORG),
    fc.option(CHANGE),
    fc.option(BRANCH),
    fc.option(DOCUMENT),
    fc.option(pick(["id", "number", "status", "overdue", "providerId"]).map((s) => `{ ${s} }`)),
  )
  .map(
    ([s, p, r, h, hist, b, d, o]) =>
      `{ ${s} ${p ? `patient ${p}` : ""} ${r ? `registeredBy ${r}` : ""} ${h ? `hospital ${h}` : ""} ${hist ? `history ${hist}` : ""} ${b ? `branch ${b}` : ""} ${d ? `documents ${d}` : ""} ${o ? `orders ${o}` : ""} }`,
  );
