import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { OrganizationSortField, type OrganizationFilter } from "./organization.inputs.js";
import { organizationWhere } from "./organization.resolver.js";

/**
 * Organization on the compiled read path (platform/read-compiler), with its roots
 * `organization(id)` and `organizations`; visitors, workCalendar and branch stay on the resolvers.
 */
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
  hooks.add(READ_ROOTS, { field: "organization", kind: "byId", type: "Organization", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "organizations",
    kind: "connection",
    type: "Organization",
    // The resolver's own where-builder and defaults (OrganizationResolver.organizations).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as OrganizationFilter | null;
      return Promise.resolve(() => organizationWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: OrganizationSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? OrganizationSortField.NAME,
        direction: orderBy?.direction ?? SortDirection.ASC,
      };
    },
  });
}
