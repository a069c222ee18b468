import { defineConfig } from "vitest/config";

/** `pnpm screenshots`: the browser-test harness (real API + demo seed) writing docs/screenshots/. */
export default defineConfig({
  test: {
    include: ["test/screenshots/**/*.shots.ts"],
    environment: "node",
    globalSetup: ["test/browser/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
