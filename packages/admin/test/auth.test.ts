// @vitest-environment jsdom
import { HttpError } from "react-admin";
import { beforeEach, describe, expect, it } from "vitest";
import { createAuthProvider } from "../src/auth/authProvider";
import { tokenStore } from "../src/auth/tokenStore";
import { createGraphQLClient } from "../src/data/graphqlClient";

interface Sent {
  authorization: string | null;
  body: { query: string; variables?: Record<string, unknown> };
}

/** A fetch that answers GraphQL requests from a handler and records what was sent. */
function fakeFetch(handler: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const fetchImpl = (async (_url: unknown, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const request = {
      authorization: headers.get("authorization"),
      body: JSON.parse(String(init?.body)) as Sent["body"],
    };
    sent.push(request);
    return new Response(JSON.stringify(handler(request)), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const session = (token: string) => ({
  accessToken: token,
  refreshToken: `refresh-${token}`,
  user: { id: "u1", email: "ana@example.org", name: "Ana", roles: ["OPERATOR", "REVIEWER"] },
  userErrors: [],
});
const unauthenticated = { errors: [{ message: "Token expired", extensions: { code: "UNAUTHENTICATED" } }] };

beforeEach(() => localStorage.clear());

describe("auth provider and GraphQL client", () => {
  it("login stores the tokens and the user; permissions are the roles", async () => {
    const { sent, fetchImpl } = fakeFetch(() => ({ data: { login: session("t1") } }));
    const auth = createAuthProvider(createGraphQLClient("/graphql", fetchImpl));
    await auth.login({ username: "ana@example.org", password: "secret" });
    expect(sent[0].body.variables).toEqual({ input: { email: "ana@example.org", password: "secret" } });
    expect(tokenStore.accessToken()).toBe("t1");
    await expect(auth.getPermissions?.({})).resolves.toEqual(["OPERATOR", "REVIEWER"]);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
  });

  it("login rejects with the userError message and stores nothing", async () => {
    const { fetchImpl } = fakeFetch(() => ({
      data: {
        login: {
          accessToken: null,
          refreshToken: null,
          user: null,
          userErrors: [{ code: "INVALID_CREDENTIALS", message: "Wrong e-mail or password" }],
        },
      },
    }));
    const auth = createAuthProvider(createGraphQLClient("/graphql", fetchImpl));
    await expect(auth.login({ username: "ana@example.org", password: "x" })).rejects.toThrow(
      "Wrong e-mail or password",
    );
    expect(tokenStore.accessToken()).toBeNull();
    await expect(auth.checkAuth({})).rejects.toThrow();
  });

  it("sends the bearer token, refreshes once on UNAUTHENTICATED and retries with the new token", async () => {
    tokenStore.save(session("old"));
    const { sent, fetchImpl } = fakeFetch(({ authorization, body }) => {
      if (body.query.includes("refreshToken(")) return { data: { refreshToken: session("new") } };
      return authorization === "Bearer new" ? { data: { viewer: { id: "u1" } } } : unauthenticated;
    });
    const client = createGraphQLClient("/graphql", fetchImpl);
    await expect(client.request("{ viewer { id } }")).resolves.toEqual({ viewer: { id: "u1" } });
    expect(sent.map((s) => s.authorization)).toEqual(["Bearer old", null, "Bearer new"]);
    expect(sent[1].body.variables).toEqual({ input: { refreshToken: "refresh-old" } });
    expect(tokenStore.accessToken()).toBe("new");
  });

  it("gives a 401 HttpError when the refresh fails, and checkError then ends the session", async () => {
    tokenStore.save(session("old"));
    const { fetchImpl } = fakeFetch(({ body }) =>
      body.query.includes("refreshToken(")
        ? {
            data: {
              refreshToken: { ...session(""), accessToken: null, userErrors: [{ code: "EXPIRED", message: "x" }] },
            },
          }
        : unauthenticated,
    );
    const client = createGraphQLClient("/graphql", fetchImpl);
    const error = (await client.request("{ viewer { id } }").catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(401);
    const auth = createAuthProvider(client);
    await expect(auth.checkError(error)).rejects.toThrow();
    expect(tokenStore.accessToken()).toBeNull();
  });

  it("keeps the session on FORBIDDEN", async () => {
    tokenStore.save(session("t1"));
    const { fetchImpl } = fakeFetch(() => ({ errors: [{ message: "No", extensions: { code: "FORBIDDEN" } }] }));
    const client = createGraphQLClient("/graphql", fetchImpl);
    const error = (await client.request("{ x }").catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(403);
    await expect(createAuthProvider(client).checkError(error)).resolves.toBeUndefined();
    expect(tokenStore.accessToken()).toBe("t1");
  });

  it("logout revokes the refresh token at the API and clears the stored session", async () => {
    tokenStore.save({ ...session("t1"), refreshToken: "r1" });
    const { sent, fetchImpl } = fakeFetch(() => ({ data: { logout: { userErrors: [] } } }));
    await createAuthProvider(createGraphQLClient("/graphql", fetchImpl)).logout({});
    expect(sent[0].body.query).toContain("logout(input: $input)");
    expect(sent[0].body.variables).toEqual({ input: { refreshToken: "r1" } });
    expect(tokenStore.accessToken()).toBeNull();
    expect(tokenStore.user()).toBeNull();
  });
});
