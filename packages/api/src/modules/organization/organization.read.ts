import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { OrganizationKind } from "./organization.entity.js";
import { OrganizationSortField, type OrganizationFilter } from "./organization.inputs.js";
import { organizationWhere } from "./organization.resolver.js";

/**
 * Organization on the compiled read path (platform/read-compiler), with its roots
 * `organization(id)` and `organizations`, and every field: its work calendar, its covering
 * branch and, for a hospital, the visitors who cover it (OrganizationVisitorsResolver: the
 * links and the users as their loaders read them, in the links' order; none for other kinds).
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
      "specialties",
    ],
    computed: { branchId: { needs: ["branch"], map: (o) => o.branch ?? null } },
    relations: {
      workCalendar: { type: "WorkCalendar", parentKey: "workCalendar", childKey: "id" },
      branch: { type: "Branch", parentKey: "branch", childKey: "id" },
      visitors: {
        type: "User",
        parentKey: "id",
        childKey: "id",
        list: true,
        through: { entity: "VisitorHospital", from: "hospital", to: "visitor" },
        parentIs: { prop: "kind", value: OrganizationKind.HOSPITAL },
      },
    },
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
