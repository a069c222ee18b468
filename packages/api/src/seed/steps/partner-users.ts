import { hashPassword } from "../../platform/auth/passwords.js";
import { User } from "../../modules/user/user.entity.js";
import { DEMO_PARTNER_LOGINS } from "../demo-credentials.js";
import type { SeedContext } from "../context.js";

/** The partner portal's demo logins: each an admin of its organisation. */
export async function seedPartnerUsers(ctx: SeedContext): Promise<void> {
  for (const login of DEMO_PARTNER_LOGINS) {
    ctx.em.create(User, {
      email: login.email,
      name: login.name,
      language: login.language,
      roles: [],
      partnerRoles: login.roles,
      organization: ctx.organizations[login.organization]!,
      passwordHash: await hashPassword(login.password),
    });
  }
  await ctx.em.flush();
}
