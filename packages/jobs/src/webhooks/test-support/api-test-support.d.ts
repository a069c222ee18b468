// The API's integration-test helpers used by the webhook tests; vitest aliases these
// specifiers to the API source (vitest.config.ts). Only the parts the tests use.
declare module "@clinigraph/api/test-support/server" {
  import type { MikroORM, Config } from "@clinigraph/api/domain";
  export interface TestApi {
    url: string;
    orm: MikroORM;
    config: Config;
    gql: <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string | null,
    ) => Promise<{ status: number; data: T; errors?: { message: string }[] }>;
    close: () => Promise<void>;
  }
  export function startTestApi(env?: Record<string, string>): Promise<TestApi>;
}

declare module "@clinigraph/api/test-support/fixtures" {
  import type { MikroORM, Organization, OrganizationKind, EntityManager } from "@clinigraph/api/domain";
  export class Fixtures {
    readonly em: EntityManager;
    constructor(orm: MikroORM);
    organization(kind: OrganizationKind, overrides?: Record<string, unknown>): Promise<Organization>;
    user(roles: string[]): Promise<{ email: string; password: string }>;
    apiKey(org: Organization): Promise<{ secret: string }>;
  }
  export function loginAs(
    gql: (q: string, v?: Record<string, unknown>) => Promise<{ data: Record<string, unknown> }>,
    email: string,
    password: string,
  ): Promise<string>;
}
