import type { Request, UserError } from "../data/graphqlClient";
import { userErrorsToHttpError } from "../data/userErrors";

const CREATE = `mutation CreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id prefix name } secret userErrors { code field message } }
}`;
const REVOKE = `mutation RevokeKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { userErrors { code field message } }
}`;

export interface NewApiKey {
  name: string;
  organizationId?: string;
  scopes?: string[];
}

/** Creates a key; the secret in the answer is the only time anyone sees it. */
export async function createApiKey(request: Request, input: NewApiKey) {
  const data = await request<{
    createApiKey: { apiKey: { id: string; prefix: string } | null; secret: string | null; userErrors: UserError[] };
  }>(CREATE, { input });
  const payload = data.createApiKey;
  if (payload.userErrors.length || !payload.apiKey || !payload.secret) throw userErrorsToHttpError(payload.userErrors);
  return { id: payload.apiKey.id, secret: payload.secret };
}

export async function revokeApiKey(request: Request, id: string) {
  const data = await request<{ revokeApiKey: { userErrors: UserError[] } }>(REVOKE, { input: { id } });
  if (data.revokeApiKey.userErrors.length) throw userErrorsToHttpError(data.revokeApiKey.userErrors);
}
