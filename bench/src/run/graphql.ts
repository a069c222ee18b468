/** Minimal GraphQL client for setup calls (login, picking ids); the load itself goes through autocannon. */
export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data as T;
}

export async function staffToken(url: string, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string | null; userErrors: { message: string }[] } }>(
    url,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { message } } }`,
    { input: { email, password } },
  );
  if (!data.login.accessToken)
    throw new Error(`login failed: ${data.login.userErrors.map((e) => e.message).join("; ")}`);
  return data.login.accessToken;
}

/** One request as the load generator sends it: status, body text and the path that answered. */
export async function gqlRaw(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<{ status: number; body: string; readPath: string | null }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text(), readPath: res.headers.get("x-read-path") };
}
