/**
 * The breaking-change gate for schema.graphql (`pnpm schema:compat`): compares the file
 * with its version on the previous commit and fails when a change is BREAKING for
 * clients unless CHANGELOG.md names it under "### Breaking" in its "## Unreleased"
 * section. Removing a field is done in two steps: mark it @deprecated (not breaking),
 * remove it in a later release with the CHANGELOG entry.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSchema } from "graphql";
import { CriticalityLevel, diff } from "@graphql-inspector/core";

export interface BreakingChange {
  path: string;
  message: string;
}

/** The "### Breaking" part of the "## Unreleased" section, or "" when there is none. */
export function unreleasedBreakingNotes(changelog: string): string {
  const unreleased = /^## \[?Unreleased\]?.*$([\s\S]*?)(?=^## |(?![\s\S]))/im.exec(changelog)?.[1] ?? "";
  return /^### Breaking.*$([\s\S]*?)(?=^### |(?![\s\S]))/im.exec(unreleased)?.[1] ?? "";
}

/** Breaking changes between two SDLs that the CHANGELOG's Unreleased/Breaking notes do not name. */
export async function unrecordedBreakingChanges(
  oldSdl: string,
  newSdl: string,
  changelog: string,
): Promise<BreakingChange[]> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const notes = unreleasedBreakingNotes(changelog);
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => ({ path: c.path ?? c.message, message: c.message }))
    .filter((c) => !notes.includes(`\`${c.path}\``));
}

function previousSchema(root: string, base: string): string | null {
  try {
    return execFileSync("git", ["show", `${base}:schema.graphql`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
  const base = process.env.SCHEMA_COMPAT_BASE ?? "HEAD~1";
  const old = previousSchema(root, base);
  if (old === null) {
    console.log(`schema:compat: no schema.graphql at ${base}; nothing to compare.`);
    return;
  }
  const current = readFileSync(resolve(root, "schema.graphql"), "utf8");
  const changelog = readFileSync(resolve(root, "CHANGELOG.md"), "utf8");
  const missing = await unrecordedBreakingChanges(old, current, changelog);
  if (missing.length === 0) {
    console.log(`schema:compat: no unrecorded breaking change against ${base}.`);
    return;
  }
  console.error(`schema:compat: ${missing.length} breaking change(s) against ${base} not recorded in CHANGELOG.md:`);
  for (const c of missing) console.error(`  - \`${c.path}\`: ${c.message}`);
  console.error(
    'Add each path in backticks under "### Breaking" in the "## Unreleased" section, or deprecate instead of removing.',
  );
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
