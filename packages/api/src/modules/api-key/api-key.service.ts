import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { newApiKeySecret, sha256 } from "../../platform/auth/tokens.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { ApiKey } from "./api-key.entity.js";
import type { CreateApiKeyInput, RevokeApiKeyInput } from "./api-key.types.js";
import { API_KEY_SCOPES, ApiKeyScope } from "../../platform/auth/scopes.js";
import { forbidden } from "../../platform/auth/auth-checker.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

const createSchema = z.object({
  organizationId: rules.uuid.nullish(),
  name: rules.name,
  scopes: z.array(z.enum(ApiKeyScope, "must be read or write")).min(1, "needs at least one scope").nullish(),
});

export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /** Returns the key row and the full secret; only the secret's sha256 is stored. */
  async create(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
    const data = validate(createSchema, input);
    const scopes = this.grantableScopes(data.scopes);
    const organization = await this.targetOrganization(data.organizationId);
    const { prefix, secret, full } = newApiKeySecret();
    const apiKey = this.em.create(ApiKey, {
      organization,
      name: data.name,
      prefix,
      secretHash: sha256(secret),
      scopes,
      createdByUserId: this.principal.kind === "STAFF" ? this.principal.userId : null,
    });
    this.audit("apiKey.create", apiKey, { organizationId: organization.id, scopes: apiKey.scopes, prefix });
    await this.em.flush();
    return { apiKey, secret: full };
  }

  async revoke(input: RevokeApiKeyInput): Promise<ApiKey> {
    const apiKey = await this.em.findOne(ApiKey, { id: input.id });
    if (!apiKey) throw new NotFoundError("ApiKey");
    if (apiKey.revokedAt) return apiKey;
    apiKey.revokedAt = new Date();
    this.audit("apiKey.revoke", apiKey, { prefix: apiKey.prefix });
    await this.em.flush();
    return apiKey;
  }

  /**
   * A key never mints a key with more than it has (FORBIDDEN, 403, a top-level error like a
   * missing scope); without a choice it passes on its own scopes. ADMIN grants any.
   */
  private grantableScopes(requested: ApiKeyScope[] | null | undefined): ApiKeyScope[] {
    const p = this.principal;
    const own = p.kind === "PARTNER" ? API_KEY_SCOPES.filter((s) => p.scopes.includes(s)) : API_KEY_SCOPES;
    const scopes = [...new Set(requested ?? own)];
    const beyond = scopes.filter((s) => !own.includes(s));
    if (beyond.length) throw forbidden(`An API key cannot grant scopes it does not have: ${beyond.join(", ")}.`);
    return scopes;
  }

  /** Partners get keys for their own organisation only; staff (ADMIN) name a partner organisation. */
  private async targetOrganization(requested: string | null | undefined): Promise<Organization> {
    const p = this.principal;
    const id = p.kind === "PARTNER" ? (requested ?? p.organizationId) : requested;
    if (p.kind === "PARTNER" && id !== p.organizationId) throw new NotFoundError("Organization", ["organizationId"]);
    if (!id)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "organizationId: is required", ["organizationId"]);
    const org = await this.em.findOne(Organization, { id });
    if (!org) throw new NotFoundError("Organization", ["organizationId"]);
    if (org.kind === OrganizationKind.OPERATOR)
      throw new DomainError(
        OrganizationErrorCode.NOT_A_PARTNER,
        "API keys are for partner organisations; staff sign in.",
        ["organizationId"],
      );
    if (!org.active)
      throw new DomainError(OrganizationErrorCode.ORGANIZATION_INACTIVE, "The organisation is inactive.", [
        "organizationId",
      ]);
    return org;
  }

  private audit(action: string, key: ApiKey, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, { action, entityType: "ApiKey", entityId: key.id, changes });
  }
}
