import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES, type ConnectionRoot } from "../../platform/read-compiler/definition.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import type { PartnerUserFilter } from "./partner-user.inputs.js";
import { partnerUserWhere } from "./partner-user.resolver.js";
import { UserSortField, type UserFilter } from "./user.inputs.js";
import { userWhere } from "./user.resolver.js";

/**
 * User on the compiled read path (platform/read-compiler), with the roots `user(id)`,
 * `users` (@Authorized("STAFF")) and `partnerUsers` (@Authorized("ADMIN", "PARTNER")): the
 * compiler checks those roles with the schema's AuthChecker before it answers
 * (read-compiler/authorized.ts). Nothing of User is left to the resolvers.
 */
const sort: ConnectionRoot["sort"] = (args) => {
  const orderBy = args.orderBy as { field?: UserSortField; direction?: SortDirection } | null;
  return { field: orderBy?.field ?? UserSortField.NAME, direction: orderBy?.direction ?? SortDirection.ASC };
};

export function registerUserReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
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
    computed: {
      organizationId: { needs: ["organization"], map: (u) => u.organization },
      // As UserResolver.organizationKind: the organisation as the byId loader reads it, OPERATOR when unseen.
      organizationKind: {
        needs: [],
        rows: {
          organization: {
            relation: { type: "Organization", parentKey: "organization", childKey: "id" },
            props: ["kind"],
          },
        },
        map: (u) => (u.organization as { kind: string } | null)?.kind ?? OrganizationKind.OPERATOR,
      },
    },
    relations: {
      // branchesOfUser: the user's links, their branches, by code.
      branches: {
        type: "Branch",
        parentKey: "id",
        childKey: "id",
        list: true,
        through: { entity: "UserBranch", from: "user", to: "branch" },
        orderBy: [["code", "asc"]],
      },
      coveredHospitals: {
        type: "Organization",
        parentKey: "id",
        childKey: "id",
        list: true,
        through: { entity: "VisitorHospital", from: "visitor", to: "hospital" },
      },
    },
  });
  hooks.add(READ_ROOTS, { field: "user", kind: "byId", type: "User", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "users",
    kind: "connection",
    type: "User",
    // The resolvers' own where-builders and defaults (UserResolver.users, PartnerUserResolver.partnerUsers).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as UserFilter | null;
      return Promise.resolve(() => userWhere(filter) as never);
    },
    sort,
  });
  hooks.add(READ_ROOTS, {
    field: "partnerUsers",
    kind: "connection",
    type: "User",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as PartnerUserFilter | null;
      return Promise.resolve(() => partnerUserWhere(filter) as never);
    },
    sort,
  });
}
