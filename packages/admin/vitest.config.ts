import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);
// This pack declares only a browser `module` entry, which Node-side resolution ignores.
const spanishPack = join(
  dirname(require.resolve("@blackbox-vision/ra-language-spanish/package.json")),
  "dist-web/index.js",
);

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@blackbox-vision/ra-language-spanish": spanishPack } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/browser/**", "node_modules/**"],
    environment: "node",
    // Deadlines, not speed limits: the generator tests run the CLI as a child process, which a
    // machine busy with another full run makes slow.
    testTimeout: 120_000,
  },
});
