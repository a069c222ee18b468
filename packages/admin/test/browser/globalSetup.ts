import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { preview } from "vite";
import type { TestProject } from "vitest/node";
import { startRealApi, type RealApi } from "../harness/realApi";
import { seedVolume, type VolumeSummary } from "../harness/volumeSeed";
import { DEMO } from "./support";

declare module "vitest" {
  export interface ProvidedContext {
    /** origin serving the built console; /graphql, /files, /exports go to the real API */
    consoleUrl: string;
    /** the real API's own origin, for requests a partner makes in the tests */
    apiUrl: string;
    /** the API's database, for what the workers would do (the harness runs none); "" when unknown */
    databaseUrl: string;
    /** the totals after the volume seed (test/harness/volumeSeed.ts); absent against an external API */
    volume?: VolumeSummary;
  }
}

const packageDir = resolve(import.meta.dirname, "../..");

/**
 * Starts the real API (packages/api/dist) on a fresh, migrated and seeded
 * database, adds real volume through the API (volumeSeed.ts), then serves dist/ with `vite preview` proxying to it. Teardown
 * stops both and drops the database.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(packageDir, "dist/index.html"))) {
    throw new Error(
      "No production build in dist/: run `pnpm --filter @clinigraph/admin test:browser`, which builds first",
    );
  }
  // CLINIGRAPH_TEST_API_URL points the tests at an API already running with the demo seed
  // (`pnpm dev`), for iterating on the console, with CLINIGRAPH_TEST_DATABASE_URL naming its
  // database; CI leaves both unset.
  const external = process.env.CLINIGRAPH_TEST_API_URL;
  const api: RealApi = external
    ? { url: external, databaseUrl: process.env.CLINIGRAPH_TEST_DATABASE_URL ?? "", stop: async () => undefined }
    : await startRealApi();
  process.env.CLINIGRAPH_API_URL = api.url;
  try {
    // every list page then holds more than 15 distinct references, as on a real day
    if (!external || process.env.CLINIGRAPH_TEST_SEED_VOLUME === "1") {
      const volume = await seedVolume(api.url, DEMO);
      project.provide("volume", volume);
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
    project.provide("apiUrl", api.url);
    project.provide("databaseUrl", api.databaseUrl);
    return async () => {
      await server.close();
      await api.stop();
    };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
