import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Browser tests drive the production build in Debian's Chromium through
 * playwright-core. `pnpm test:browser` builds first; globalSetup serves dist/.
 */
export default defineConfig({
  resolve: {
    alias: {
      // the language tests read the catalogues in Node; this pack ships only a `module` entry
      "@blackbox-vision/ra-language-spanish": resolve(
        import.meta.dirname,
        "node_modules/@blackbox-vision/ra-language-spanish/dist-web/index.js",
      ),
    },
  },
  test: {
    include: ["test/browser/**/*.browser.test.ts"],
    environment: "node",
    globalSetup: ["test/browser/globalSetup.ts"],
    // fails every test whose pages answered 4xx/5xx or logged an error
    setupFiles: ["test/browser/guard.setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
