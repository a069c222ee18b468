import { HttpError } from "react-admin";
import { tokenStore, type SessionBranches, type SessionUser } from "../auth/tokenStore";

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface UserError {
  code: string;
  field?: string[] | null;
  message: string;
}

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export const SESSION_FIELDS =
  "accessToken refreshToken user { id email name roles partnerRoles organizationKind } branch { id code name } branches { id code name } branchChoiceRequired userErrors { code field message }";

export interface SessionPayload extends SessionBranches {
  accessToken: string | null;
  refreshToken: string | null;
  user: SessionUser | null;
  userErrors: UserError[];
}

const REFRESH_MUTATION = `mutation Refresh($input: RefreshTokenInput!) { refreshToken(input: $input) { ${SESSION_FIELDS} } }`;

/** Top-level error codes mapped to the HTTP statuses react-admin's auth flow understands. */
function statusOf(errors: GraphQLErrorShape[]): number {
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes("UNAUTHENTICATED")) return 401;
  if (codes.includes("FORBIDDEN")) return 403;
  if (codes.includes("BAD_USER_INPUT") || codes.includes("GRAPHQL_VALIDATION_FAILED")) return 400;
  return 500;
}

export function createGraphQLClient(url: string, fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  let refreshing: Promise<boolean> | null = null;

  async function post(query: string, variables: Record<string, unknown> | undefined, token: string | null) {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // The API's CSRF prevention accepts JSON requests that also carry a non-simple header.
        "apollo-require-preflight": "true",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    let body: { data?: unknown; errors?: GraphQLErrorShape[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new HttpError(response.statusText || "ra.notification.http_error", response.status);
    }
    return { status: response.status, body };
  }

  /** One refresh at a time: parallel 401s wait for the same new token. */
  function refresh(): Promise<boolean> {
    const refreshToken = tokenStore.refreshToken();
    if (!refreshToken) return Promise.resolve(false);
    refreshing ??= post(REFRESH_MUTATION, { input: { refreshToken } }, null)
      .then(({ body }) => {
        const payload = (body.data as { refreshToken?: SessionPayload } | undefined)?.refreshToken;
        if (!payload?.accessToken || payload.userErrors.length) return false;
        tokenStore.save({ ...payload, accessToken: payload.accessToken });
        return true;
      })
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  const request: Request = async <T>(query: string, variables?: Record<string, unknown>) => {
    let { status, body } = await post(query, variables, tokenStore.accessToken());
    let errors = body.errors ?? [];
    if (errors.length && statusOf(errors) === 401 && (await refresh())) {
      ({ status, body } = await post(query, variables, tokenStore.accessToken()));
      errors = body.errors ?? [];
    }
    if (errors.length) {
      throw new HttpError(errors[0].message, statusOf(errors), { errors });
    }
    if (status >= 400 || body.data === undefined) {
      throw new HttpError("ra.notification.http_error", status);
    }
    return body.data as T;
  };

  return { request, refresh };
}

export type GraphQLClient = ReturnType<typeof createGraphQLClient>;
