/**
 * Node's socket error codes that mean "the peer cannot be reached right now": a refused,
 * reset or timed-out connection, or a name that does not resolve. Postgres and Redis
 * outages are both recognised by them (with their own protocol-level codes on top).
 */
export const SOCKET_UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
