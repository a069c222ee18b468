import { ApiKeyCache } from "../../platform/auth/api-key-cache.js";
import { authKeyspace } from "../../platform/auth/keyspace.js";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType, toUserError } from "../../platform/graphql/payload.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { ApiKey } from "./api-key.entity.js";
import { ApiKeyFilter, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput } from "./api-key.types.js";
import { ApiKeyService } from "./api-key.service.js";

export const ApiKeyConnection = ConnectionType(ApiKey, "ApiKey");
export const RevokeApiKeyPayload = PayloadType("RevokeApiKeyPayload", "apiKey", ApiKey);

export function apiKeyWhere(filter?: ApiKeyFilter | null): FilterQuery<ApiKey> {
  const where: Record<string, unknown> = {};
  if (filter?.organizationId) where.organization = filter.organizationId;
  if (filter?.revoked != null) where.revokedAt = filter.revoked ? { $ne: null } : null;
  return where;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized("ADMIN", "PARTNER")
  @Query(() => ApiKeyConnection, {
    description: "API keys: a partner's own, or any partner's for ADMIN. Secrets are never listed.",
  })
  apiKeys(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => ApiKeyFilter, { nullable: true, description: "Filters." }) filter: ApiKeyFilter | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, ApiKey, {
      where: () => apiKeyWhere(filter),
      sortField: "createdAt",
      direction: SortDirection.DESC,
      args,
    });
  }

  @FieldResolver(() => ID, { description: "Id of the organisation the key acts for." })
  organizationId(@Root() k: ApiKey): string {
    return refId(k.organization)!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation the key acts for." })
  organization(@Root() k: ApiKey, @Ctx() ctx: AppContext): Promise<Organization | null> {
    return ctx.loaders.byId(Organization).load(refId(k.organization)!);
  }

  // No idempotencyKey: a retry could not show the secret again, so it would be a useless key.
  @Authorized("ADMIN", "PARTNER_ADMIN")
  @Mutation(() => CreateApiKeyPayload, { description: "Creates an API key; the secret is returned once, only here." })
  async createApiKey(
    @Arg("input", { description: "The key to create." }) input: CreateApiKeyInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreateApiKeyPayload> {
    try {
      const { apiKey, secret } = await ctx.em.transactional((em) =>
        new ApiKeyService(em, ctx.principal, ctx.requestId).create(input),
      );
      return { apiKey, secret, userErrors: [] };
    } catch (err) {
      const userError = toUserError(err);
      if (!userError) throw err;
      return { apiKey: null, secret: null, userErrors: [userError] };
    }
  }

  @Authorized("ADMIN", "PARTNER_ADMIN")
  @Mutation(() => RevokeApiKeyPayload, { description: "Revokes an API key at once (no-op when already revoked)." })
  revokeApiKey(@Arg("input", { description: "The key." }) input: RevokeApiKeyInput, @Ctx() ctx: AppContext) {
    return asPayload("apiKey", async () => {
      const apiKey = await ctx.em.transactional((em) =>
        new ApiKeyService(em, ctx.principal, ctx.requestId).revoke(input),
      );
      // Committed: the cached row must not keep the key alive for the cache's TTL.
      await new ApiKeyCache(ctx.redis, authKeyspace(ctx.config.DATABASE_URL)).forget([apiKey.prefix]);
      return apiKey;
    });
  }
}
