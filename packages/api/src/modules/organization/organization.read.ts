import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES } from "../../platform/read-compiler/definition.js";

/** Organization on the compiled read path (platform/read-compiler); visitors and workCalendar stay on the resolvers. */
export function registerOrganizationReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Organization",
    entity: "Organization",
    columns: [
      "id",
      "kind",
      "name",
      "taxId",
      "phone",
      "email",
      "region",
      "country",
      "timeZone",
      "language",
      "active",
      "version",
      "createdAt",
      "updatedAt",
    ],
  });
}
