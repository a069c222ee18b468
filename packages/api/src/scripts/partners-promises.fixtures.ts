import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { startDemoApi } from "../test-support/demo-database.fixtures.js";
import type { TestApi } from "../test-support/server.fixtures.js";
import { DEMO_LOGINS } from "../seed/demo-credentials.js";
import { PARTNERS_DOC } from "./partners-docs.js";

/**
 * What the tests of docs/partners.md's promises share (issues 19 and 21): the guide read
 * into tables and sections, the demo partners' keys, and a demo API per test file with a
 * token for every staff role. partners-statuses (§8's status table), partners-masking (§3)
 * and partners-promises (§8's error model, §14's money, the examples of §5, §11 and §12).
 */
export const guide = readFileSync(PARTNERS_DOC, "utf8");

/** The rows of the generated table `name` of the guide, each row's cells without the pipes. */
export function generatedTable(name: string): string[][] {
  const m = new RegExp(`<!-- BEGIN GENERATED: ${name} [^\\n]*\\n([\\s\\S]*?)<!-- END GENERATED: ${name} -->`).exec(
    guide,
  );
  if (!m) throw new Error(`docs/partners.md has no generated table "${name}"`);
  return m[1]!
    .trim()
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim()),
    );
}
export const unquote = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? cell;
/** The section of the guide from heading `start` to the next heading of its level. */
export function section(start: string): string {
  const from = guide.indexOf(`\n## ${start}`);
  if (from < 0) throw new Error(`docs/partners.md has no section "${start}"`);
  const to = guide.indexOf("\n## ", from + 4);
  return guide.slice(from, to < 0 ? undefined : to);
}

export const LAB_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";
export const HOSPITAL_KEY = "ck_DEMOHSP1_demo-hospital-key-not-for-production-0001";
export const INSURER_KEY = "ck_DEMOINS1_demo-insurer-key-not-for-production-0001";
export const CLINIC_KEY = "ck_DEMOCLN1_demo-clinic-key-not-for-production-0001";

export interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}
export const codesOf = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code as string);

export interface GuideApi {
  readonly api: TestApi;
  /** An access token per staff role (the first demo login of each). */
  readonly tokens: Record<string, string>;
  post(body: string, auth?: string | null, headers?: Record<string, string>): Promise<Answer>;
  gql(query: string, variables?: Record<string, unknown>, auth?: string | null): Promise<Answer>;
}

/** The demo API of one test file: started (and its staff logged in) before its tests, closed after. */
export function useDemoApi(): GuideApi {
  let api: TestApi | undefined;
  const tokens: Record<string, string> = {};
  const post = async (body: string, auth: string | null = LAB_KEY, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api!.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith("{") ? JSON.parse(text) : { errors: [] }) as Answer["body"] };
  };
  const gql = (query: string, variables: Record<string, unknown> = {}, auth: string | null = LAB_KEY) =>
    post(JSON.stringify({ query, variables }), auth);

  beforeAll(async () => {
    api = await startDemoApi();
    for (const s of DEMO_LOGINS) {
      const role = s.roles[0]!;
      if (tokens[role]) continue;
      const a = await gql(
        `mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }`,
        { i: { email: s.email, password: s.password } },
        null,
      );
      tokens[role] = a.body.data!.login.accessToken as string;
    }
  }, 600_000);
  afterAll(async () => api?.close());

  return {
    get api() {
      return api!;
    },
    tokens,
    post,
    gql,
  };
}
