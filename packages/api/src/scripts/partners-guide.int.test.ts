import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoApi } from "../test-support/demo-database.fixtures.js";
import type { TestApi } from "../test-support/server.fixtures.js";
import { PDF_BYTES } from "../modules/order/files/files.fixtures.js";
import { PARTNERS_DOC, REPO_ROOT } from "./partners-docs.js";

/**
 * Issue 19: the partner guide is executable. Every GraphQL document in docs/partners.md and
 * the README (```graphql blocks, and the "query" of every curl in a ```bash block) is valid
 * against schema.graphql, and the first calls (partners.md §2, the README's) run as written
 * — the shell command itself, against the demo data — and answer what the guide says, as
 * does the README's lab walkthrough, line by line, with the ids a reader copies from the
 * answers before.
 * (The agency's intake is run block for block by partners-examples.int.test.ts.)
 */
const GUIDES = { "docs/partners.md": PARTNERS_DOC, "README.md": resolve(REPO_ROOT, "README.md") };
const schema = buildSchema(readFileSync(resolve(REPO_ROOT, "schema.graphql"), "utf8"));

interface Doc {
  where: string;
  source: string;
}

function blocks(text: string, lang: string): { line: number; body: string }[] {
  return [...text.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => ({
    line: text.slice(0, m.index).split("\n").length,
    body: m[1]!,
  }));
}

/** The GraphQL documents of a guide: graphql blocks, and each curl's JSON "query" string. */
function documentsOf(file: string, text: string): Doc[] {
  const docs = blocks(text, "graphql").map((b) => ({ where: `${file}:${b.line}`, source: b.body }));
  for (const b of blocks(text, "bash"))
    for (const m of b.body.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g))
      docs.push({ where: `${file}:${b.line} (curl)`, source: JSON.parse(`"${m[1]!}"`) as string });
  return docs;
}

const all = Object.entries(GUIDES).flatMap(([file, path]) => documentsOf(file, readFileSync(path, "utf8")));

describe("the partner guide's GraphQL", () => {
  it("finds the guides' documents (graphql blocks and curl bodies)", () => {
    expect(all.filter((d) => d.where.startsWith("docs/partners.md")).length).toBeGreaterThanOrEqual(7);
    expect(all.filter((d) => d.where.startsWith("README.md")).length).toBeGreaterThanOrEqual(5);
  });

  it("is valid against schema.graphql, every document of it", () => {
    const invalid = all.flatMap(({ where, source }) => {
      try {
        return validate(schema, parse(source)).map((e) => `${where}: ${e.message}`);
      } catch (err) {
        return [`${where}: ${(err as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });

  it("would catch the guide's old first call (a type the schema does not have)", () => {
    const old = `{ viewer { __typename ... on PartnerViewer { organizationId organizationKind } } }`;
    // graphql-js may add a suggestion ("Did you mean …?") once a similar type name exists
    expect(validate(schema, parse(old)).map((e) => e.message)).toEqual([
      expect.stringMatching(/^Unknown type "PartnerViewer"\./),
    ]);
  });
});

describe("the first calls, run as written against the demo data", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startDemoApi();
  });
  afterAll(async () => api?.close());

  /** The guide's first curl of /graphql, pointed at the test server, run by bash. */
  async function runFirstCurl(file: keyof typeof GUIDES): Promise<Record<string, any>> {
    const block = blocks(readFileSync(GUIDES[file], "utf8"), "bash").find((b) => /curl[^\n]*\/graphql/.test(b.body))!;
    const command = block.body.replace(/https?:\/\/(localhost|127\.0\.0\.1):4000/g, api.url);
    const { stdout } = await promisify(execFile)("bash", ["-c", command], { timeout: 60_000 });
    return JSON.parse(stdout) as Record<string, any>;
  }

  it("docs/partners.md §2: the lab's key is a PARTNER of kind LAB with its scopes", async () => {
    const body = await runFirstCurl("docs/partners.md");
    expect(body.errors).toBeUndefined();
    expect(body.data.viewer).toMatchObject({
      kind: "PARTNER",
      scopes: expect.arrayContaining(["read"]) as string[],
      organization: { kind: "LAB" },
    });
  });

  it("README: the same key's viewer names its organisation", async () => {
    const body = await runFirstCurl("README.md");
    expect(body.errors).toBeUndefined();
    expect(body.data.viewer).toMatchObject({ kind: "PARTNER", organization: { kind: "LAB" } });
    expect(typeof body.data.viewer.organization.name).toBe("string");
  });

  it("README: the lab's walkthrough runs line by line, as written, from IN_PROCESS to IN_VERIFICATION", async () => {
    const text = readFileSync(GUIDES["README.md"], "utf8");
    const block = blocks(text, "bash").find((b) => b.body.includes("informe-final.pdf"))!;
    const lines = block.body.split("\n").filter((l) => l.trim() && !l.startsWith("#"));
    const [setup, helper, ...steps] = lines;
    const prelude = `${setup!.replace(/API=\S+;/, `API=${api.url};`)}\n${helper!}\n`;
    const cwd = mkdtempSync(resolve(tmpdir(), "guide-"));
    writeFileSync(resolve(cwd, "informe-final.pdf"), PDF_BYTES);
    const values: Record<string, string> = {};
    const answers: Record<string, any>[] = [];
    for (const step of steps) {
      const command = step.replace(/<([A-Z_]+)>/g, (_m, k: string) => values[k] ?? `<${k}>`);
      const { stdout } = await promisify(execFile)("bash", ["-c", prelude + command], { cwd, timeout: 60_000 });
      const body = JSON.parse(stdout) as Record<string, any>;
      answers.push(body);
      expect(body.errors, command).toBeUndefined();
      const payload = body.data && (Object.values(body.data)[0] as { userErrors?: unknown[] });
      expect(payload?.userErrors ?? [], command).toEqual([]);
      // The guide's placeholders are what a reader copies from the answer before.
      if (body.data?.orders) {
        const order = (body.data.orders.nodes as { id: string; version: number; confirmBy: string }[]).find(
          (o) => o.version === 1 && Date.parse(o.confirmBy) > Date.now() + 60_000,
        );
        values.ORDER_ID = order!.id;
      }
      if (typeof body.id === "string" && typeof body.sha256 === "string") values.FILE_ID = body.id;
    }
    expect(answers.at(-1)!.data.transitionOrder.order.status).toBe("IN_VERIFICATION");
  });
});
