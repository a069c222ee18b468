import { fileURLToPath } from "node:url";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

const apiSrc = fileURLToPath(new URL("../api/src/", import.meta.url));

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
      { find: /^@clinigraph\/api\/testing$/, replacement: `${apiSrc}test-support/index.ts` },
      { find: /^@clinigraph\/api$/, replacement: `${apiSrc}index.ts` },
    ],
  },
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
