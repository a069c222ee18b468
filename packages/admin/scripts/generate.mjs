#!/usr/bin/env node
// Writes src/generated/resources.ts from schema.graphql.
//   node scripts/generate.mjs [--schema PATH] [--out PATH] [--layouts DIR] [--check]
// Page layouts come from src/resources/layout/*.json for the project's schema; another
// schema (a test fixture) is generated without them unless --layouts names a folder.
// --check writes nothing and exits 1 when the file on disk differs (for CI).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateFromFile } from "./lib/emit.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    schema: { type: "string", default: resolve(packageDir, "../../schema.graphql") },
    out: { type: "string", default: resolve(packageDir, "src/generated/resources.ts") },
    layouts: { type: "string" },
    check: { type: "boolean", default: false },
  },
});
const schemaPath = resolve(values.schema);
const outPath = resolve(values.out);

if (!existsSync(schemaPath)) {
  console.error(`generate: no schema at ${schemaPath} (emit it with \`pnpm schema:emit\` or pass --schema)`);
  process.exit(1);
}

const layoutDir = values.layouts
  ? resolve(values.layouts)
  : values.schema === undefined || schemaPath === resolve(packageDir, "../../schema.graphql")
    ? resolve(packageDir, "src/resources/layout")
    : null;
const text = await generateFromFile(schemaPath, outPath, layoutDir);
if (values.check) {
  const current = existsSync(outPath) ? await readFile(outPath, "utf8") : "";
  if (current !== text) {
    console.error(`generate --check: ${outPath} is stale; run \`pnpm --filter @clinigraph/admin generate\``);
    process.exit(1);
  }
  console.log(`generate --check: ${outPath} is up to date`);
} else {
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, text);
  console.log(`generate: wrote ${outPath} from ${schemaPath}`);
}
