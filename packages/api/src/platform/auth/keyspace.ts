/**
 * Prefix of the authentication keys in Redis (login throttles, the staff cache, ended
 * sessions). It names the database because accounts belong to one: two deployments (or
 * two test databases) sharing a Redis must never throttle or revoke each other's logins.
 */
export function authKeyspace(databaseUrl: string): string {
  let name = "default";
  try {
    name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, "")) || name;
  } catch {
    // An unparsable URL fails at connection time; the keyspace only needs to be stable.
  }
  return `auth:${name}`;
}
