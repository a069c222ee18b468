import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/migrations/**",
      "packages/admin/src/generated/**",
      "examples/lab-client/src/gql/**",
      "**/coverage/**",
      "**/var/**",
      "bench-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        fetch: "readonly",
        window: "readonly",
        document: "readonly",
        localStorage: "readonly",
        navigator: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    files: ["**/*.test.ts", "**/*.fixtures.ts", "**/test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // One rule for test helpers: their name ends in `.fixtures.ts` (`.fixtures.mjs`), which
    // is what the builds leave out. A test-support/ folder only groups them.
    files: ["packages/*/src/**/test-support/**"],
    ignores: ["**/*.fixtures.ts", "**/*.fixtures.mjs"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Program", message: "name test helpers *.fixtures.ts: only that suffix keeps them out of dist" },
      ],
    },
  },
  {
    // Test helpers (*.fixtures.ts) are left out of dist: code that ships must not import
    // them, or tsc would pull them back into the build.
    files: ["packages/api/src/**/*.ts", "packages/jobs/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.fixtures.js", "@clinigraph/api/testing"],
              message: "test helpers are not part of the build; import them from tests and *.fixtures.ts only",
            },
          ],
        },
      ],
    },
  },
  {
    // Import boundaries (issue #18): no import cycle in the API or the workers, and the
    // platform never imports a module — the composition root (packages/api/src/app.ts)
    // hands it entities, resolvers, routes and hooks. Type-only imports count too
    // (ignoreTypeImports stays false) except where said below.
    files: ["packages/api/src/**/*.ts", "packages/jobs/src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      // Without these the plugin parses only .js files and sees no edge between .ts files.
      "import-x/extensions": [".ts", ".mjs", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["packages/api/tsconfig.json", "packages/jobs/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["packages/api/src/platform/**/*.ts"],
    // Tests under platform/ exercise the whole API through the root; shipped code may not.
    ignores: ["**/*.test.ts", "**/*.fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.fixtures.js", "**/test-support/**", "@clinigraph/api/testing"],
              message: "test helpers are not part of the build; import them from tests and *.fixtures.ts only",
            },
            {
              group: ["**/modules/**", "../../app.js", "../../domain.js", "../../index.js", "../../main.js"],
              message:
                "platform/ never imports the domain: take entities, resolvers, routes or hooks as parameters (packages/api/src/app.ts composes them)",
            },
          ],
        },
      ],
    },
  },
);
