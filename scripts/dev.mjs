#!/usr/bin/env node
/**
 * `pnpm dev`: the whole system on this machine, with demo data.
 * Builds the API and workers, applies migrations, seeds demo data when the database is
 * empty, then runs the API (:4000), the workers and the console (:5173) together.
 * Needs only Postgres and Redis on localhost (or DATABASE_URL / REDIS_URL).
 * Everything runs with NODE_ENV=development (unless set otherwise): the API refuses its
 * built-in development keys, and the seed refuses demo data, when NODE_ENV is unset.
 */
import { execSync } from "node:child_process";
import concurrently from "concurrently";

process.env.NODE_ENV ??= "development";
const run = (cmd) => execSync(cmd, { stdio: "inherit", env: process.env });

run("pnpm --filter @clinigraph/api --filter @clinigraph/jobs build");
run("node packages/api/dist/scripts/migrate.js");
// This is the demo: --demo says so, whatever NODE_ENV is.
run("node packages/api/dist/scripts/seed.js --demo");

const { result } = concurrently(
  [
    { command: "node packages/api/dist/main.js", name: "api", prefixColor: "blue" },
    { command: "node packages/jobs/dist/main.js", name: "jobs", prefixColor: "magenta" },
    { command: "pnpm --filter @clinigraph/admin dev --host 127.0.0.1", name: "console", prefixColor: "green" },
  ],
  { killOthersOn: ["failure"], restartTries: 0 },
);

setTimeout(() => {
  console.log(
    [
      "",
      "Clinigraph is starting:",
      "  GraphQL API   http://127.0.0.1:4000/graphql   (health: /healthz, /readyz)",
      "  Console       http://127.0.0.1:5173/",
      "  Queues        http://127.0.0.1:4000/admin/queues (ADMIN)",
      "Demo logins and partner API keys were printed by the seed above (also in README.md).",
      "",
    ].join("\n"),
  );
}, 4000).unref();

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
