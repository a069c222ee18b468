#!/usr/bin/env node
/**
 * `node scripts/build-unless-prebuilt.mjs <package>...`: builds the named workspace packages
 * before a script that runs their dist, unless CLINIGRAPH_PREBUILT=1 says they are built
 * already from this checkout (.ci/run builds everything once, then runs the typecheck,
 * schema checks, tests and browser tests, each of which would otherwise rebuild the API).
 */
import { execFileSync } from "node:child_process";

const packages = process.argv.slice(2);
if (packages.length === 0) throw new Error("usage: build-unless-prebuilt.mjs <package>...");
if (process.env.CLINIGRAPH_PREBUILT === "1") {
  console.log(`${packages.join(", ")}: built already (CLINIGRAPH_PREBUILT=1)`);
} else {
  execFileSync("pnpm", packages.flatMap((p) => ["--filter", p]).concat("build"), { stdio: "inherit" });
}
