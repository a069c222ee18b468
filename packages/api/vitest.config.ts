import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

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
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
