import type { AuthProvider } from "react-admin";
import { SESSION_FIELDS, type GraphQLClient, type SessionPayload } from "../data/graphqlClient";
import { tokenStore, type SessionUser } from "./tokenStore";

export const ROLES = ["ADMIN", "OPERATOR", "REVIEWER", "VISITOR", "BILLING"] as const;
export type Role = (typeof ROLES)[number];

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`;
const LOGOUT = "mutation Logout($input: LogoutInput!) { logout(input: $input) { userErrors { code message } } }";

export function createAuthProvider(client: GraphQLClient): AuthProvider {
  return {
    async login({ username, email, password }: { username?: string; email?: string; password: string }) {
      const data = await client.request<{ login: SessionPayload }>(LOGIN, {
        input: { email: email ?? username, password },
      });
      const payload = data.login;
      if (payload.userErrors.length || !payload.accessToken) {
        throw new Error(payload.userErrors[0]?.message ?? "ra.auth.sign_in_error");
      }
      tokenStore.save({ ...payload, accessToken: payload.accessToken });
    },
    async logout() {
      const refreshToken = tokenStore.refreshToken();
      if (tokenStore.accessToken() && refreshToken) {
        // The session ends locally even when the server is unreachable.
        await client.request(LOGOUT, { input: { refreshToken } }).catch(() => undefined);
      }
      tokenStore.clear();
    },
    async checkAuth() {
      if (!tokenStore.accessToken()) throw new Error("ra.auth.auth_check_error");
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        // The client already retried once with a refreshed token, so a 401 here means the session is over.
        tokenStore.clear();
        throw new Error("ra.auth.auth_check_error");
      }
      // 403 keeps the session: the user is signed in, just not allowed to do this.
    },
    async getPermissions() {
      return permissionsOf(tokenStore.user());
    },
    async getIdentity() {
      const user = tokenStore.user();
      if (!user) throw new Error("ra.auth.auth_check_error");
      return { id: user.id, fullName: user.name || user.email };
    },
  };
}

/** True when the signed-in user holds any of the roles. */
export function hasRole(permissions: unknown, ...roles: Role[]): boolean {
  return Array.isArray(permissions) && roles.some((role) => permissions.includes(role));
}

/**
 * Staff get their roles; a partner's user gets PARTNER, its organisation's kind and its
 * partner roles, none of which opens an operator screen (layout/access.ts), so the partner
 * portal (portal/access.ts) is all it is shown.
 */
export function permissionsOf(user: SessionUser | null): string[] {
  if (!user) return [];
  if (user.organizationKind && user.organizationKind !== "OPERATOR")
    return ["PARTNER", user.organizationKind, ...(user.partnerRoles ?? [])];
  return user.roles ?? [];
}
