// The API's test helpers are not part of its package exports; vitest aliases this
// specifier to the API source (vitest.config.ts). This gives tsc the same shape.
declare module "@clinigraph/api/test-support/database" {
  import type { MikroORM } from "@clinigraph/api/domain";
  export function createTestDatabase(): Promise<{ url: string; orm: MikroORM; drop: () => Promise<void> }>;
}

declare module "@clinigraph/api/test-support/notices" {
  import type { NoticeLanguage } from "@clinigraph/api/domain";
  export interface NoticeUnderTest<V = unknown> {
    template: string;
    variant?: string;
    texts: Record<string, (vars: V) => string | { subject: string; body: string }>;
    vars: (language: NoticeLanguage) => V;
  }
  export function languageGaps(texts: Record<string, unknown>): { missing: string[]; unknown: string[] };
  export function renderingProblems<V>(notice: NoticeUnderTest<V>): string[];
  export function queuedTemplateNames(srcDir: string): { names: string[]; unreadable: string[] };
}
