import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** origin serving the built console; its /graphql is proxied to CLINIGRAPH_API_URL */
    consoleUrl: string;
  }
}

const packageDir = resolve(import.meta.dirname, "../..");

/**
 * Serves dist/ with `vite preview`, whose proxy (vite.config.ts) forwards
 * /graphql, /files and /exports to CLINIGRAPH_API_URL (default
 * http://localhost:4000). Starting the API for the tests belongs here too.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(packageDir, "dist/index.html"))) {
    throw new Error(
      "No production build in dist/: run `pnpm --filter @clinigraph/admin test:browser`, which builds first",
    );
  }
  const server = await preview({
    root: packageDir,
    configFile: join(packageDir, "vite.config.ts"),
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  project.provide("consoleUrl", url.replace(/\/$/, ""));
  return async () => {
    await server.close();
  };
}
