import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/migrations/**",
      "packages/admin/src/generated/**",
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
);
