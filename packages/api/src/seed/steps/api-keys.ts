import { sha256 } from "../../platform/auth/tokens.js";
import { ApiKey } from "../../modules/api-key/api-key.entity.js";
import { DEMO_API_KEYS } from "../demo-credentials.js";
import type { SeedContext } from "../context.js";

/** One key per partner kind with a fixed, documented secret (demo databases only). */
export async function seedApiKeys(ctx: SeedContext): Promise<void> {
  for (const k of DEMO_API_KEYS) {
    ctx.em.create(ApiKey, {
      organization: ctx.organizations[k.organization]!,
      name: "Demo key (not for production)",
      prefix: k.prefix,
      secretHash: sha256(k.secret),
      scopes: ["read", "write"],
    });
  }
  await ctx.em.flush();
}
