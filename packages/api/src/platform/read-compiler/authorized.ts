import { getMetadataStorage } from "type-graphql";
import { AuthChecker } from "../auth/auth-checker.js";
import type { Principal } from "../auth/principal.js";
import type { AppContext } from "../graphql/context.js";
import { NotCompiled } from "./selection.js";

/**
 * The compiled path answers before any resolver runs, so `@Authorized(...)` on a root query
 * (users: STAFF; partnerUsers: ADMIN or PARTNER) is checked here, with the roles type-graphql
 * read from that same decorator and the schema's own AuthChecker: the rule stays where it is
 * declared. A refused principal gets NotCompiled, and the resolvers answer it (FORBIDDEN) as
 * they always did.
 */
export function assertRootAllowed(field: string, principal: Principal): void {
  // The same class may be registered more than once in a process (test files re-importing the
  // modules): its copies carry the same roles; anything else is not answered here.
  const defs = getMetadataStorage().queries.filter((q) => q.schemaName === field);
  if (defs.length === 0 || new Set(defs.map((d) => JSON.stringify(d.roles ?? []))).size !== 1)
    throw new NotCompiled(`Query.${field}: no single resolver`);
  const roles = (defs[0]!.roles ?? []) as Parameters<AuthChecker["check"]>[1];
  if (roles.length === 0) return;
  try {
    new AuthChecker().check({ context: { principal } as AppContext } as never, roles);
  } catch {
    throw new NotCompiled(`Query.${field}: not allowed`);
  }
}

const guarded = new Map<string, boolean>();

/**
 * Whether a field of an object type carries its own `@Authorized(roles)`: no compiled type
 * serves one today; should one appear, the resolvers answer it (and check it) rather than
 * the compiled path skipping the check.
 */
export function assertFieldUnguarded(type: string, field: string): void {
  const key = `${type}.${field}`;
  let has = guarded.get(key);
  if (has === undefined) {
    // Once the schema is built, a field resolver's roles are merged into its type's field.
    has = getMetadataStorage().objectTypes.some(
      (o) => o.name === type && (o.fields ?? []).some((f) => f.schemaName === field && (f.roles?.length ?? 0) > 0),
    );
    guarded.set(key, has);
  }
  if (has) throw new NotCompiled(`${key} is @Authorized`);
}
