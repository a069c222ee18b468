import { getMetadataStorage } from "type-graphql";
import { AuthChecker } from "../auth/auth-checker.js";
import type { Principal } from "../auth/principal.js";
import { NotCompiled } from "./selection.js";

/** Per Query field: the roles of its resolver's `@Authorized` (null: none), or several when names clash. */
let rolesByQuery: Map<string, (readonly unknown[] | null)[]> | null = null;

function queryRoles(): Map<string, (readonly unknown[] | null)[]> {
  if (rolesByQuery) return rolesByQuery;
  const storage = getMetadataStorage();
  const map = new Map<string, (readonly unknown[] | null)[]>();
  for (const q of storage.queries) {
    const own = storage.authorizedFields.find((a) => a.target === q.target && a.fieldName === q.methodName);
    const ofClass = storage.authorizedResolver.find((a) => a.target === q.target);
    map.set(q.schemaName, [...(map.get(q.schemaName) ?? []), (own ?? ofClass)?.roles ?? null]);
  }
  return (rolesByQuery = map);
}

/**
 * The root field's own `@Authorized` roles, read from the resolver's decorator (the one
 * declaration), checked by the schema's AuthChecker before anything is compiled. A principal
 * the resolver would refuse gets NotCompiled: the resolvers answer, with their FORBIDDEN.
 */
export function assertAuthorized(principal: Principal, field: string): void {
  const found = queryRoles().get(field);
  if (!found?.length || new Set(found.map((r) => JSON.stringify(r))).size !== 1)
    throw new NotCompiled(`no single @Authorized for Query.${field}`);
  const roles = found[0];
  if (roles == null) return;
  try {
    new AuthChecker().check({ context: { principal } } as never, roles as never);
  } catch {
    throw new NotCompiled(`Query.${field} refused`);
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
