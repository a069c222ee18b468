import { hashPassword } from "../../platform/auth/passwords.js";
import { User, VisitorHospital } from "../../modules/user/user.entity.js";
import { DEMO_LOGINS } from "../demo-credentials.js";
import type { SeedContext } from "../context.js";

const PHONES: Record<string, string> = {
  admin: "+56991000001",
  operator: "+56991000002",
  reviewer: "+56991000003",
  visitor1: "+56991000004",
  visitor2: "+8613800138004",
  billing: "+56991000006",
};

/** One staff member per role; visitor1 covers the Chilean hospital, visitor2 both. */
export async function seedStaff(ctx: SeedContext): Promise<void> {
  const operator = ctx.organizations.operator!;
  for (const login of DEMO_LOGINS) {
    ctx.users[login.key] = ctx.em.create(User, {
      email: login.email,
      name: login.name,
      phone: PHONES[login.key] ?? null,
      language: login.key === "visitor2" || login.key === "operatorShanghai" ? "zh" : "es",
      roles: login.roles,
      organization: operator,
      passwordHash: await hashPassword(login.password),
    });
  }
  const cover = (visitor: string, hospital: string) =>
    ctx.em.create(VisitorHospital, { visitor: ctx.users[visitor]!, hospital: ctx.organizations[hospital]! });
  cover("visitor1", "hospital1");
  cover("visitor2", "hospital2");
  cover("visitor2", "hospital1");
  await ctx.em.flush();
}
