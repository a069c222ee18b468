import { registerEnumType } from "type-graphql";
import type { OperationTypeNode } from "graphql";
import { forbidden } from "./auth-checker.js";
import type { Principal } from "./principal.js";

/**
 * What an API key may do: the one list of valid scopes (GraphQL enum `ApiKeyScope`). Staff
 * have no scopes; their roles decide. The values are lower-case because they are what keys
 * have always stored and what integrations already send.
 */
export const ApiKeyScope = { read: "read", write: "write" } as const;
export type ApiKeyScope = (typeof ApiKeyScope)[keyof typeof ApiKeyScope];
registerEnumType(ApiKeyScope, {
  name: "ApiKeyScope",
  description: "What an API key may do.",
  valuesConfig: {
    read: { description: "Queries, and GET on the REST routes (file downloads, exports)." },
    write: { description: "Mutations, and every other REST method (file uploads)." },
  },
});

export const API_KEY_SCOPES: readonly ApiKeyScope[] = Object.values(ApiKeyScope);

/** The scope a GraphQL operation needs: mutations write, everything else reads. */
export function scopeForOperation(operation: OperationTypeNode | string): ApiKeyScope {
  return operation === "mutation" ? ApiKeyScope.write : ApiKeyScope.read;
}

/** The scope a REST request needs: GET and HEAD read, any other method writes. */
export function scopeForMethod(method: string): ApiKeyScope {
  return ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) ? ApiKeyScope.read : ApiKeyScope.write;
}

/** True unless the principal is an API key without the scope. */
export function hasScope(principal: Principal, scope: ApiKeyScope): boolean {
  return principal.kind !== "PARTNER" || principal.scopes.includes(scope);
}

export function missingScopeMessage(scope: ApiKeyScope): string {
  return `This API key lacks the '${scope}' scope.`;
}

/** FORBIDDEN (HTTP 403) unless the principal has the scope. */
export function assertScope(principal: Principal, scope: ApiKeyScope): void {
  if (!hasScope(principal, scope)) throw forbidden(missingScopeMessage(scope));
}
