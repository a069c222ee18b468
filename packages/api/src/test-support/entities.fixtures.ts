import type { MikroORM, EntityManager } from "@mikro-orm/postgresql";
import { forkFor } from "../platform/db/orm.js";
import { SYSTEM, type PartnerRole, type StaffRole } from "../platform/auth/principal.js";
import { hashPassword } from "../platform/auth/passwords.js";
import { newApiKeySecret, sha256 } from "../platform/auth/tokens.js";
import { Organization, OrganizationKind } from "../modules/organization/organization.entity.js";
import { User } from "../modules/user/user.entity.js";
import { ApiKey } from "../modules/api-key/api-key.entity.js";

/**
 * Small builders for integration tests. They write through a SYSTEM-scoped
 * EntityManager, the way the seed does, and return what a test needs to sign in.
 */
export class Fixtures {
  readonly em: EntityManager;
  private counter = 0;

  constructor(orm: MikroORM) {
    this.em = forkFor(orm, SYSTEM);
  }

  async organization(kind: OrganizationKind, overrides: Partial<Organization> = {}): Promise<Organization> {
    this.counter += 1;
    const org = this.em.create(Organization, {
      kind,
      name: `${kind.toLowerCase()} ${this.counter}`,
      country: "CL",
      timeZone: "America/Santiago",
      ...overrides,
    } as never);
    await this.em.persist(org).flush();
    return org;
  }

  private operator: Organization | null = null;
  async operatorOrg(): Promise<Organization> {
    this.operator ??= await this.organization(OrganizationKind.OPERATOR, { name: "Comisión Médica Regional" } as never);
    return this.operator;
  }

  async user(
    roles: StaffRole[],
    overrides: Partial<User> & { password?: string } = {},
  ): Promise<User & { password: string }> {
    this.counter += 1;
    const password = overrides.password ?? "correct horse battery staple";
    const user = this.em.create(User, {
      email: `${roles.join("-").toLowerCase()}${this.counter}@operator.test`,
      name: `${roles.join("/")} ${this.counter}`,
      roles,
      organization: await this.operatorOrg(),
      passwordHash: await hashPassword(password),
      phone: "+56911111111",
      ...overrides,
    } as never);
    await this.em.persist(user).flush();
    return Object.assign(user, { password });
  }

  /** A partner organisation's own user (console login), PARTNER_STAFF unless told. */
  async partnerUser(
    org: Organization,
    partnerRoles: PartnerRole[] = ["PARTNER_STAFF"],
    overrides: Partial<User> & { password?: string } = {},
  ): Promise<User & { password: string }> {
    this.counter += 1;
    const password = overrides.password ?? "correct horse battery staple";
    const user = this.em.create(User, {
      email: `${partnerRoles.join("-").toLowerCase().replace(/_/g, ".")}${this.counter}@partner.test`,
      name: `${org.name} user ${this.counter}`,
      roles: [],
      partnerRoles,
      organization: org,
      passwordHash: await hashPassword(password),
      ...overrides,
    } as never);
    await this.em.persist(user).flush();
    return Object.assign(user, { password });
  }

  async apiKey(org: Organization, revoked = false): Promise<{ key: ApiKey; secret: string }> {
    const { prefix, secret, full } = newApiKeySecret();
    const key = this.em.create(ApiKey, {
      organization: org,
      name: "test key",
      prefix,
      secretHash: sha256(secret),
      revokedAt: revoked ? new Date() : null,
    } as never);
    await this.em.persist(key).flush();
    return { key, secret: full };
  }
}

/** Logs a staff user in through GraphQL and returns the access token. */
export async function loginAs(
  gql: (q: string, v?: Record<string, unknown>) => Promise<{ data: Record<string, unknown> }>,
  email: string,
  password: string,
): Promise<string> {
  const res = await gql(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { code message } } }`,
    { input: { email, password } },
  );
  const login = res.data.login as { accessToken: string | null; userErrors: { code: string }[] };
  if (!login.accessToken) throw new Error(`login failed: ${JSON.stringify(login.userErrors)}`);
  return login.accessToken;
}
