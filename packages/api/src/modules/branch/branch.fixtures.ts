import { expect } from "vitest";
import type { TestApi } from "../../test-support/server.fixtures.js";

export const ERRORS = "userErrors { code field message }";

export type UserErrors = { code: string; field: string[] | null; message: string }[];

/** Runs a mutation and answers its payload (the first field of data); fails on top-level errors. */
export async function mutate<T = Record<string, unknown>>(
  api: TestApi,
  doc: string,
  input: Record<string, unknown>,
  token: string,
): Promise<T & { userErrors: UserErrors }> {
  const res = await api.gql<Record<string, T & { userErrors: UserErrors }>>(doc, { input }, token || null);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data)[0]!;
}

/** Runs a query; fails on top-level errors. */
export async function query<T>(
  api: TestApi,
  doc: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const res = await api.gql<T>(doc, variables, token || null);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

export interface Session {
  accessToken: string | null;
  refreshToken: string | null;
  branch: { code: string } | null;
  branchChoiceRequired: boolean;
}
const SESSION = `accessToken refreshToken branchChoiceRequired branch { code } ${ERRORS}`;

export async function login(api: TestApi, email: string, password: string, branchId?: string) {
  return mutate<Session>(
    api,
    `mutation($input: LoginInput!) { login(input: $input) { ${SESSION} } }`,
    { email, password, ...(branchId ? { branchId } : {}) },
    "",
  );
}

export async function chooseBranch(api: TestApi, refreshToken: string, branchId: string) {
  return mutate<Session>(
    api,
    `mutation($input: ChooseBranchInput!) { chooseBranch(input: $input) { ${SESSION} } }`,
    { refreshToken, branchId },
    "",
  );
}

export async function createBranch(api: TestApi, admin: string, code: string, name: string): Promise<string> {
  const r = await mutate<{ branch: { id: string } | null }>(
    api,
    `mutation($input: CreateBranchInput!) { createBranch(input: $input) { branch { id } ${ERRORS} } }`,
    { code, name },
    admin,
  );
  expect(r.userErrors).toEqual([]);
  return r.branch!.id;
}

export async function setUserBranches(api: TestApi, admin: string, userId: string, branchIds: string[]) {
  const r = await mutate(
    api,
    `mutation($input: SetUserBranchesInput!) { setUserBranches(input: $input) { user { id branches { code } } ${ERRORS} } }`,
    { userId, branchIds },
    admin,
  );
  expect(r.userErrors).toEqual([]);
}

export async function coverOrganization(api: TestApi, admin: string, organizationId: string, branchId: string) {
  const { organization } = await query<{ organization: { version: number } }>(
    api,
    `query($id: ID!) { organization(id: $id) { version } }`,
    { id: organizationId },
    admin,
  );
  const r = await mutate(
    api,
    `mutation($input: SetOrganizationBranchInput!) { setOrganizationBranch(input: $input) { organization { id } ${ERRORS} } }`,
    { organizationId, branchId, expectedVersion: organization.version },
    admin,
  );
  expect(r.userErrors).toEqual([]);
}
