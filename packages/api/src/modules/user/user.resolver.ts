import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { raw, wrap, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { User, VisitorHospital } from "./user.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import {
  CreateUserInput,
  DeactivateUserInput,
  UpdateUserInput,
  UserFilter,
  UserOrder,
  UserSortField,
  VisitorHospitalInput,
} from "./user.inputs.js";
import { UserService } from "./user.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export const UserConnection = ConnectionType(User, "User");
export const UserPayload = PayloadType("UserPayload", "user", User);

export function userWhere(filter?: UserFilter | null): FilterQuery<User> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.role) where[raw((a: string) => `${a}.roles @> ?::jsonb`, [JSON.stringify([filter.role])])] = [];
  if (filter.active != null) where.active = filter.active;
  if (filter.hospitalId)
    where[
      raw(
        (a: string) => `${a}.id in (select vh.visitor_id from visitor_hospital vh where vh.hospital_id = ?)`,
        [filter.hospitalId],
      )
    ] = [];
  if (filter.search) {
    const like = likePattern(filter.search);
    where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }];
  }
  return where;
}

@Resolver(() => User)
export class UserResolver {
  @Authorized("STAFF")
  @Query(() => User, { nullable: true, description: "One staff member by id." })
  user(@Arg("id", () => ID, { description: "User id." }) id: string, @Ctx() ctx: AppContext): Promise<User | null> {
    return ctx.loaders.byId(User).load(id);
  }

  @Authorized("STAFF")
  @Query(() => UserConnection, { description: "Staff members." })
  users(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => UserFilter, { nullable: true, description: "Filters." }) filter: UserFilter | null,
    @Arg("orderBy", () => UserOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof UserOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, User, {
      where: () => userWhere(filter),
      sortField: orderBy?.field ?? UserSortField.NAME,
      direction: orderBy?.direction ?? SortDirection.ASC,
      args,
    });
  }

  @FieldResolver(() => ID, {
    description: "Id of the user's organisation (the operator, or a partner for a partner user).",
  })
  organizationId(@Root() u: User): string {
    return refId(u.organization)!;
  }

  @FieldResolver(() => OrganizationKind, {
    description: "OPERATOR for staff; the partner's kind for a partner user (the console picks its menu by it).",
  })
  async organizationKind(@Root() u: User, @Ctx() ctx: AppContext): Promise<OrganizationKind> {
    // Login answers before anyone is signed in: its user comes with the organisation loaded.
    if (wrap(u.organization).isInitialized()) return u.organization.kind;
    const org = await ctx.loaders.byId(Organization).load(refId(u.organization)!);
    return org?.kind ?? OrganizationKind.OPERATOR;
  }

  @FieldResolver(() => [Organization], { description: "Hospitals this visitor covers (与定点医院关联)." })
  async coveredHospitals(@Root() u: User, @Ctx() ctx: AppContext): Promise<Organization[]> {
    const links = await ctx.loaders.children(VisitorHospital, "visitor").load(u.id);
    const rows = await ctx.loaders.byId(Organization).loadMany(links.map((l) => refId(l.hospital)!));
    return rows.filter((x): x is Organization => x instanceof Organization);
  }

  @Authorized("ADMIN")
  @Mutation(() => UserPayload, { description: "Creates a staff member (ADMIN)." })
  createUser(@Arg("input", { description: "The user." }) input: CreateUserInput, @Ctx() ctx: AppContext) {
    return asPayload("user", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createUser",
        key: input.idempotencyKey,
        // The hash of the request must not let anyone test passwords against it.
        input: { ...input, password: undefined, idempotencyKey: undefined },
        create: (em) => service(em, ctx).create(input),
        load: (em, id) => em.findOne(User, { id }),
      }),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => UserPayload, { description: "Updates a staff member: details, roles, password, active (ADMIN)." })
  updateUser(@Arg("input", { description: "The changes." }) input: UpdateUserInput, @Ctx() ctx: AppContext) {
    return run(ctx, (s) => s.update(input));
  }

  @Authorized("ADMIN")
  @Mutation(() => UserPayload, { description: "Deactivates a staff member and ends their sessions (ADMIN)." })
  deactivateUser(@Arg("input", { description: "The user." }) input: DeactivateUserInput, @Ctx() ctx: AppContext) {
    return run(ctx, (s) => s.deactivate(input));
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => UserPayload, { description: "Makes a visitor cover a hospital (no-op when already covered)." })
  addVisitorHospital(
    @Arg("input", { description: "Visitor and hospital." }) input: VisitorHospitalInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.addVisitorHospital(input));
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => UserPayload, { description: "Stops a visitor covering a hospital." })
  removeVisitorHospital(
    @Arg("input", { description: "Visitor and hospital." }) input: VisitorHospitalInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.removeVisitorHospital(input));
  }
}

/** `Organization.visitors`: the staff who cover a hospital (empty for other kinds and for partners). */
@Resolver(() => Organization)
export class OrganizationVisitorsResolver {
  @FieldResolver(() => [User], { description: "Visitors covering this hospital (staff only; empty for other kinds)." })
  async visitors(@Root() org: Organization, @Ctx() ctx: AppContext): Promise<User[]> {
    if (org.kind !== OrganizationKind.HOSPITAL) return [];
    const links = await ctx.loaders.children(VisitorHospital, "hospital").load(org.id);
    const rows = await ctx.loaders.byId(User).loadMany(links.map((l) => refId(l.visitor)!));
    return rows.filter((x): x is User => x instanceof User);
  }
}

function service(em: EntityManager, ctx: AppContext): UserService {
  return new UserService(em, ctx.principal, ctx.requestId);
}

/**
 * Once the change is committed, the user's cached roles and active flag are forgotten and
 * the sessions it ended lose their access tokens (platform/auth/staff-sessions.ts).
 */
function run(ctx: AppContext, body: (s: UserService) => Promise<User>) {
  return asPayload("user", async () => {
    const used: UserService[] = [];
    const user = await ctx.em.transactional((em) => {
      used.push(service(em, ctx));
      return body(used[used.length - 1]!);
    });
    await ctx.sessions.forget(user.id);
    await ctx.sessions.endSessions(used.flatMap((s) => s.endedSessions));
    return user;
  });
}
