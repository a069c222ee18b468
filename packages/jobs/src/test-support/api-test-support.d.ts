// The API's test helpers are not part of its package exports; vitest aliases this
// specifier to the API source (vitest.config.ts). This gives tsc the same shape.
declare module "@clinigraph/api/test-support/database" {
  import type { MikroORM } from "@clinigraph/api/domain";
  export function createTestDatabase(): Promise<{ url: string; orm: MikroORM; drop: () => Promise<void> }>;
}
