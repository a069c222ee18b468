import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

const apiSrc = fileURLToPath(new URL("../api/src/", import.meta.url));
// One copy of graphql-js, the CommonJS entry Node loads for type-graphql and Apollo (as in
// the API's own vitest config): the API's source walks the schema with graphql's helpers.
const apiGraphql = createRequire(new URL("../api/package.json", import.meta.url)).resolve("graphql");

// SWC emits decorator metadata explicitly; type-graphql and MikroORM need it.
// Tests run against the API's TypeScript source (no build step); at runtime the
// workers import its compiled dist through the package exports.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: "es2022",
      },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@clinigraph\/api\/domain$/, replacement: `${apiSrc}domain.ts` },
      // The API's test helpers (its package entry `./testing`): source only, never built.
      // Telemetry from the API's source too: its on/off switch is one module with domain's.
      { find: /^@clinigraph\/api\/telemetry$/, replacement: `${apiSrc}platform/telemetry/sdk.ts` },
      { find: /^@clinigraph\/api\/testing$/, replacement: `${apiSrc}test-support/testing.fixtures.ts` },
      { find: /^@clinigraph\/api$/, replacement: `${apiSrc}index.ts` },
      { find: /^graphql$/, replacement: apiGraphql },
    ],
  },
  test: {
    setupFiles: ["reflect-metadata"],
    // Deadlines, not speed limits: generous enough that a machine busy with another full
    // run only makes the tests slower (waits poll for a state).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // One process per worker for all its files, not one per file: a fresh process spent
    // seconds importing the server for every file. Test files therefore leave no state
    // behind (servers closed, timers and environment restored); each still gets its own
    // database and Redis namespace, so files also run side by side. Three workers on two
    // cores: an integration test spends much of its time waiting on Postgres, Redis or a
    // child process.
    isolate: false,
    maxWorkers: 3,
    // `unit`: no Postgres, no Redis, seconds (`pnpm test:unit`); `int`: against the real
    // services (`*.int.test.ts`). `pnpm test` runs all three.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.int.test.ts", "src/**/*.otel.test.ts"],
        },
      },
      { extends: true, test: { name: "int", include: ["src/**/*.int.test.ts"] } },
      // `otel`: tests that start OpenTelemetry, which patches modules process-wide: each file
      // in a process of its own.
      { extends: true, test: { name: "otel", include: ["src/**/*.otel.test.ts"], isolate: true } },
    ],
  },
});
