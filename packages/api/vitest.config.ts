import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// SWC emits decorator metadata explicitly; type-graphql and MikroORM need it.
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
  // One copy of graphql-js: Node loads its CommonJS entry for type-graphql and Apollo,
  // so test files must get the same one (not the .mjs build Vite would pick).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    setupFiles: ["reflect-metadata"],
    // Deadlines, not speed limits: generous enough that a machine busy with another full
    // run only makes the tests slower (waits poll for a state; see README "Run the tests").
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
    // services (`*.int.test.ts`); `otel`: integration tests that start OpenTelemetry, which
    // patches pg, express and graphql as they load, so each file gets a fresh process
    // (`*.otel.test.ts`). `pnpm test` runs all three.
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
      { extends: true, test: { name: "otel", include: ["src/**/*.otel.test.ts"], isolate: true } },
    ],
  },
});
