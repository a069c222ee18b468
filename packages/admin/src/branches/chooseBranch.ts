import { client } from "../data/api";
import { SESSION_FIELDS, type SessionPayload } from "../data/graphqlClient";
import { tokenStore } from "../auth/tokenStore";

const CHOOSE = `mutation ChooseBranch($input: ChooseBranchInput!) { chooseBranch(input: $input) { ${SESSION_FIELDS} } }`;

/**
 * Works in another branch (机构选择): the API rotates the session's refresh token and answers
 * tokens for that branch. The page then reloads, so no screen keeps the other branch's rows.
 */
export async function chooseBranch(branchId: string): Promise<void> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) throw new Error("ra.auth.auth_check_error");
  const data = await client.request<{ chooseBranch: SessionPayload }>(CHOOSE, { input: { refreshToken, branchId } });
  const payload = data.chooseBranch;
  if (payload.userErrors.length || !payload.accessToken)
    throw new Error(payload.userErrors[0]?.message ?? "ra.notification.http_error");
  tokenStore.save({ ...payload, accessToken: payload.accessToken });
  window.location.reload();
}
