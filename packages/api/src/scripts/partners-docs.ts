/**
 * Renders the generated sections of docs/partners.md from the code (`pnpm docs:partners`;
 * `--check` fails when the file is stale, as does partners-docs.test.ts): the state
 * machine tables, the userErrors codes (each module's declared enum with its descriptions),
 * the webhook events and the signature snippet.
 */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
// Every module loaded, as the API loads them (their enums and decorators registered).
import "../modules/index.js";
import { allErrorCodeSets } from "../modules/error-codes.js";
import { caseMachine } from "../modules/case/case.machine.js";
import { claimMachine } from "../modules/claim/claim.machine.js";
import { orderMachine } from "../modules/order/order.machine.js";
import { patientMachine } from "../modules/patient/patient.machine.js";
import { visitMachine } from "../modules/visit/visit.machine.js";
import { WEBHOOK_EVENT_DESCRIPTIONS, WebhookEventType } from "../modules/webhook/webhook.enums.js";
import type { Actor, MachineDefinition } from "../platform/state-machine/machine.js";
import { PLATFORM_ERROR_DESCRIPTIONS, type PlatformErrorCode } from "../platform/errors/platform.errors.js";
import { TOP_LEVEL_ERRORS, TopLevelErrorCode } from "../platform/errors/top-level.errors.js";
import { CALLER_FAULT_CODES } from "../platform/graphql/apollo.js";
import { FILE_ERRORS, FileErrorCode } from "../modules/order/files/files.errors.js";
import { SENSITIVE_FIELDS, type SensitiveFieldRule } from "../platform/auth/sensitive-fields.js";

const here = fileURLToPath(new URL(".", import.meta.url));
/** packages/api/{src,dist}/scripts → repository root. */
export const REPO_ROOT = resolve(here, "../../../..");
export const PARTNERS_DOC = resolve(REPO_ROOT, "docs/partners.md");
const VERIFY_SNIPPET = resolve(REPO_ROOT, "examples/lab-client/src/verify-signature.ts");
const CODEGEN_CONFIG = resolve(REPO_ROOT, "examples/lab-client/codegen.yml");
const LAB_FLOW = resolve(REPO_ROOT, "examples/lab-client/src/lab-flow.ts");

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

/** Every userErrors code, from the modules' declared enums (modules/error-codes.ts), with its module's title. */
export function collectErrorCodes(): Map<string, { description: string; module: string }> {
  const codes = new Map<string, { description: string; module: string }>();
  for (const set of allErrorCodeSets)
    for (const code of Object.values(set.codes))
      codes.set(code, { description: set.descriptions[code]!, module: set.title });
  return codes;
}

/** One table per module, in the order of modules/error-codes.ts, codes alphabetical. */
export function renderErrorCodes(): string {
  const out: string[] = [];
  for (const set of allErrorCodeSets) {
    out.push(`#### ${set.title}`, "", "| code | meaning |", "|---|---|");
    for (const code of Object.values(set.codes).sort()) out.push(`| \`${code}\` | ${cell(set.descriptions[code]!)} |`);
    out.push("");
  }
  return out.join("\n").trimEnd();
}

/** The top-level codes with their HTTP status, then the platform codes that answer as caller faults (400). */
export function renderTopLevelErrors(): string {
  const rows = (Object.keys(TopLevelErrorCode) as (keyof typeof TopLevelErrorCode)[]).map(
    (k) => `| \`${TopLevelErrorCode[k]}\` | ${TOP_LEVEL_ERRORS[k].http} | ${cell(TOP_LEVEL_ERRORS[k].action)} |`,
  );
  const faults = [...CALLER_FAULT_CODES]
    .filter((c): c is PlatformErrorCode => c in PLATFORM_ERROR_DESCRIPTIONS)
    .map(
      (c) =>
        `| \`${c}\` | 400 | ${cell(PLATFORM_ERROR_DESCRIPTIONS[c].replace(/ \(a top-level error, HTTP 400\)/, ""))} |`,
    );
  return ["| top-level code | HTTP | what to do |", "|---|---|---|", ...rows, ...faults].join("\n");
}

/** The masking rule of every sensitive field (platform/auth/sensitive-fields.ts). */
export function renderMasking(): string {
  const rows = Object.entries(SENSITIVE_FIELDS).map(([field, r]: [string, SensitiveFieldRule]) => {
    const full = ["ADMIN", ...r.staffRoles].join(", ") + (r.enteringPartner ? "; the partner that entered it" : "");
    return `| \`${field}\` | ${cell(full)} | ${cell(r.mask)} | ${cell(r.why)} |`;
  });
  return ["| field | in full for | everyone else reads | why |", "|---|---|---|---|", ...rows].join("\n");
}

/** The file routes' own codes with their HTTP status. */
export function renderFileErrors(): string {
  const rows = (Object.keys(FileErrorCode) as (keyof typeof FileErrorCode)[]).map(
    (k) => `| \`${FileErrorCode[k]}\` | ${FILE_ERRORS[k].http} | ${cell(FILE_ERRORS[k].action)} |`,
  );
  return ["| code | HTTP | meaning |", "|---|---|---|", ...rows].join("\n");
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

/** The example lab client's codegen config and one typed operation with its call, as they are. */
export function renderTypedClient(): string {
  const flow = readFileSync(LAB_FLOW, "utf8");
  const doc = /^const NewOrders = graphql\([\s\S]*?^`\);$/m.exec(flow)?.[0];
  const call = /^export async function newOrders\([\s\S]*?^}$/m.exec(flow)?.[0];
  if (!doc || !call) throw new Error("examples/lab-client/src/lab-flow.ts: NewOrders or newOrders not found");
  return [
    "```yaml",
    readFileSync(CODEGEN_CONFIG, "utf8").trimEnd(),
    "```",
    "",
    "```ts",
    'import { graphql } from "./gql/index.js";',
    "",
    doc,
    "",
    call,
    "```",
  ].join("\n");
}

const SECTIONS: Record<string, () => string> = {
  "state-machines": renderMachines,
  "error-codes": renderErrorCodes,
  "top-level-errors": renderTopLevelErrors,
  "file-errors": renderFileErrors,
  masking: renderMasking,
  "webhook-events": renderWebhookEvents,
  "verify-snippet": renderVerifySnippet,
  "typed-client": renderTypedClient,
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
