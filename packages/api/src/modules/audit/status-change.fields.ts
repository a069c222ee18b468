import DataLoader from "dataloader";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import type { Principal } from "../../platform/auth/principal.js";
import { Organization } from "../organization/organization.entity.js";
import { User } from "../user/user.entity.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";

type Names = { users: DataLoader<string, string | null>; organizations: DataLoader<string, string | null> };
const perRequest = new WeakMap<AppContext, Names>();

/**
 * Names read without the scope filter, like the history itself (history.loader.ts): a
 * history row is only reached through a parent its reader may see, and the resolver below
 * decides which names that reader is told.
 */
function names(ctx: AppContext): Names {
  let found = perRequest.get(ctx);
  if (!found) {
    const loader = <T extends { id: string; name: string }>(entity: new () => T) =>
      new DataLoader<string, string | null>(async (ids) => {
        const rows = await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never, { filters: false });
        const byId = new Map((rows as T[]).map((r) => [r.id, r.name]));
        return ids.map((id) => byId.get(id) ?? null);
      });
    found = { users: loader(User), organizations: loader(Organization) };
    perRequest.set(ctx, found);
  }
  return found;
}

type Actor = { actorKind: string; actorId?: string | null; actorOrganizationId?: string | null };

/**
 * Whose name this reader is told for an actor (the rule on `actorName` below): a user's or
 * an organisation's, by id, or nobody's. One rule for the resolvers and the compiled read
 * path (which reads both names and keeps the one this says).
 */
export function actorNameSource(
  actor: Actor,
  principal: Principal,
): { kind: "user" | "organization"; id: string } | null {
  if (actor.actorKind === "SYSTEM") return null;
  if (principal.kind === "STAFF") {
    if ((actor.actorKind === "STAFF" || actor.actorKind === "PARTNER_USER") && actor.actorId)
      return { kind: "user", id: actor.actorId };
    return actor.actorOrganizationId ? { kind: "organization", id: actor.actorOrganizationId } : null;
  }
  if (principal.kind === "PARTNER" && actor.actorOrganizationId === principal.organizationId)
    return { kind: "organization", id: principal.organizationId };
  return null;
}

/** Who acted, by name, as this reader may be told (the rule on `actorName` below); shared by visit entries. */
export async function actorNameFor(actor: Actor, ctx: AppContext): Promise<string | null> {
  const source = actorNameSource(actor, ctx.principal);
  if (!source) return null;
  return source.kind === "user" ? names(ctx).users.load(source.id) : names(ctx).organizations.load(source.id);
}

@Resolver(() => StatusChange)
export class StatusChangeFieldsResolver {
  /**
   * Staff read the person (staff actor) or the organisation (partner actor). A partner
   * reads only its own organisation's name: who at the operator acted, or which other
   * partner did, is not theirs to know.
   */
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Who made the change, by name: the staff user's or the partner organisation's for staff readers; for a partner, its own organisation's name, else null. Null for the system.",
  })
  async actorName(@Root() change: StatusChange, @Ctx() ctx: AppContext): Promise<string | null> {
    return actorNameFor(change, ctx);
  }
}
