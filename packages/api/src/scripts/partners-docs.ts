/**
 * Renders the generated sections of docs/partners.md from the code (`pnpm docs:partners`;
 * `--check` fails when the file is stale, as does partners-docs.test.ts): the state
 * machine tables, the userErrors codes, the webhook events and the signature snippet.
 */
import "reflect-metadata";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
// Every module loaded, as the API loads them (their enums and decorators registered).
import "../modules/index.js";
import { caseMachine } from "../modules/case/case.machine.js";
import { claimMachine } from "../modules/claim/claim.machine.js";
import { orderMachine } from "../modules/order/order.machine.js";
import { patientMachine } from "../modules/patient/patient.machine.js";
import { visitMachine } from "../modules/visit/visit.machine.js";
import { WEBHOOK_EVENT_DESCRIPTIONS, WebhookEventType } from "../modules/webhook/webhook.enums.js";
import type { Actor, MachineDefinition } from "../platform/state-machine/machine.js";

const here = fileURLToPath(new URL(".", import.meta.url));
/** packages/api/{src,dist}/scripts → repository root. */
export const REPO_ROOT = resolve(here, "../../../..");
const API_SRC = resolve(REPO_ROOT, "packages/api/src");
export const PARTNERS_DOC = resolve(REPO_ROOT, "docs/partners.md");
const VERIFY_SNIPPET = resolve(REPO_ROOT, "examples/lab-client/src/verify-signature.ts");

type AnyMachine = MachineDefinition<unknown, string, string>;
const MACHINES = [orderMachine, visitMachine, claimMachine, caseMachine, patientMachine] as unknown as AnyMachine[];

function who(actor: Actor): string {
  if ("role" in actor) return `staff ${actor.role}`;
  if ("partner" in actor) return `partner (${actor.partner})`;
  if ("user" in actor) return `staff user (${actor.user})`;
  return "system";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderMachines(): string {
  const out: string[] = [];
  for (const m of MACHINES) {
    out.push(`### ${m.entityType}`, "");
    out.push(
      `States: ${m.statuses.map((s) => `\`${s}\``).join(", ")}. Starts in \`${m.initial}\`; final: ${m.terminal.map((s) => `\`${s}\``).join(", ") || "none"}.`,
      "",
    );
    out.push(
      "| from | event | to | who may fire it | input required | checks (userErrors code) |",
      "|---|---|---|---|---|---|",
    );
    for (const r of m.transitions) {
      const to = typeof r.to === "string" ? `\`${r.to}\`` : "the state before (computed)";
      const req =
        Object.entries(r.requires ?? {})
          .filter(([, v]) => v)
          .map(([k]) => `\`${k}\``)
          .join(", ") || "—";
      const guards = (r.guards ?? []).map((g) => `\`${g.code}\``).join(", ") || "—";
      out.push(
        `| ${r.from.map((s) => `\`${s}\``).join(", ")} | \`${r.event}\` | ${to} | ${r.who.map(who).join(", ")} | ${req} | ${guards} |`,
      );
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "test-support" ? [] : sourceFiles(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".fixtures.ts") ? [p] : [];
  });
}

/** Every stable userErrors code: DomainError literals in the source, guard codes of the machines, the payload mapping. */
export function collectErrorCodes(): Map<string, { message: string; where: Set<string> }> {
  const codes = new Map<string, { message: string; where: Set<string> }>();
  const add = (code: string, message: string, where: string) => {
    const entry = codes.get(code) ?? { message, where: new Set<string>() };
    if (!entry.message) entry.message = message;
    entry.where.add(where);
    codes.set(code, entry);
  };
  const literal = /new DomainError\(\s*"([A-Z][A-Z0-9_]+)",\s*(?:"([^"]*)"|`([^`]*)`)?/g;
  for (const file of sourceFiles(API_SRC)) {
    const text = readFileSync(file, "utf8");
    const area =
      relative(API_SRC, file)
        .split("/")
        .slice(0, -1)
        .join("/")
        .replace(/^modules\//, "") || "api";
    for (const m of text.matchAll(literal)) add(m[1]!, (m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, "…"), area);
    if (text.includes("new NotFoundError("))
      add("NOT_FOUND", "The row does not exist or is not yours (the two look alike).", area);
  }
  for (const m of MACHINES)
    for (const r of m.transitions) for (const g of r.guards ?? []) add(g.code, g.message, `${m.entityType} machine`);
  add("STALE_VERSION", "The row changed since you read it: reload and send the new version.", "platform/graphql");
  add("ALREADY_EXISTS", "A record with the same unique values already exists.", "platform/graphql");
  return new Map([...codes.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function renderErrorCodes(): string {
  const rows = [...collectErrorCodes()].map(
    ([code, { message, where }]) => `| \`${code}\` | ${cell(message) || "—"} | ${[...where].sort().join(", ")} |`,
  );
  return ["| code | typical message | raised in |", "|---|---|---|", ...rows].join("\n");
}

export function renderWebhookEvents(): string {
  const rows = (Object.keys(WebhookEventType) as (keyof typeof WebhookEventType)[]).map((k) => {
    const [, text] = WEBHOOK_EVENT_DESCRIPTIONS[k].split(/: (.*)/s);
    return `| \`${WebhookEventType[k]}\` | \`${k}\` | ${cell(text ?? "")} |`;
  });
  return ["| payload `type` | GraphQL `WebhookEventType` | sent when |", "|---|---|---|", ...rows].join("\n");
}

export function renderVerifySnippet(): string {
  return ["```ts", readFileSync(VERIFY_SNIPPET, "utf8").trimEnd(), "```"].join("\n");
}

const SECTIONS: Record<string, () => string> = {
  "state-machines": renderMachines,
  "error-codes": renderErrorCodes,
  "webhook-events": renderWebhookEvents,
  "verify-snippet": renderVerifySnippet,
};

/** Replaces the body of every `<!-- BEGIN GENERATED: name -->` … `<!-- END GENERATED: name -->` block. */
export function renderDoc(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const re = new RegExp(`(<!-- BEGIN GENERATED: ${name} [^>]*-->)[\\s\\S]*?(<!-- END GENERATED: ${name} -->)`);
    if (!re.test(out)) throw new Error(`docs/partners.md has no generated section "${name}"`);
    out = out.replace(re, (_m, begin: string, end: string) => `${begin}\n${render()}\n${end}`);
  }
  return out;
}

function main(): void {
  const current = readFileSync(PARTNERS_DOC, "utf8");
  const next = renderDoc(current);
  if (process.argv.includes("--check")) {
    if (next !== current) {
      console.error("docs/partners.md is stale: run `pnpm docs:partners`.");
      process.exitCode = 1;
    }
    return;
  }
  if (next !== current) writeFileSync(PARTNERS_DOC, next);
  console.log(next === current ? "docs/partners.md is up to date." : "docs/partners.md regenerated.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
