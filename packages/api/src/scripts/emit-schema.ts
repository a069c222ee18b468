import "reflect-metadata";
import { lexicographicSortSchema, printSchema } from "graphql";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiSchema } from "../app.js";

/** Writes schema.graphql at the repository root; with --check, fails when it is stale. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const target = path.join(root, "schema.graphql");
const header = "# Emitted from the code by `pnpm schema:emit`. Do not edit by hand.\n\n";
const printed = header + printSchema(lexicographicSortSchema(await apiSchema())) + "\n";

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== printed) {
    console.error("schema.graphql is stale: run `pnpm schema:emit` and commit the result.");
    process.exit(1);
  }
  console.log("schema.graphql is current.");
} else {
  await writeFile(target, printed);
  console.log(`Wrote ${target}`);
}
