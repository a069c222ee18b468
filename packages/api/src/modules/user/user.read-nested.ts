import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";

/**
 * User as a nested object of the compiled read path (`Visit.assignee`; the names behind
 * `actorName`): its own columns and organizationId. organizationKind, coveredHospitals and
 * branches stay on the resolvers (a query asking for them is answered there whole).
 * Registered by the nested-fields slice of issue 17; the user roots' slice may widen it.
 */
export const userReadNested: ReadType = {
  type: "User",
  entity: "User",
  columns: [
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
    "version",
    "createdAt",
    "updatedAt",
  ],
  computed: { organizationId: { needs: ["organization"], map: (u) => u.organization } },
};

export function registerUserNestedReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, userReadNested);
}
