import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.entities.js";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook.enums.js";
import { newSigningSecret } from "./webhook.signing.js";
import { assertDeliverableUrl, type UrlPolicy } from "./webhook.url-policy.js";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./webhook.inputs.js";
import { OrganizationErrorCode } from "../organization/organization.errors.js";
import { WebhookErrorCode } from "./webhook.errors.js";

/** A partner organisation may keep this many endpoints. */
export const MAX_ENDPOINTS_PER_ORGANIZATION = 10;

const events = z.array(z.enum(WebhookEventType)).min(1, "must list at least one event").max(20);
const createSchema = z.object({
  url: z.string().trim().min(1, "must not be empty"),
  events,
  description: rules.text(500).nullish(),
  organizationId: rules.uuid.nullish(),
});
const updateSchema = createSchema.omit({ organizationId: true }).partial().extend({ active: z.boolean().nullish() });

export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  signingSecret: string;
}

export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
    private readonly urlPolicy: UrlPolicy,
  ) {}

  async create(input: CreateWebhookEndpointInput): Promise<EndpointWithSecret> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const org = await this.owningOrganization(data.organizationId ?? null);
    const url = await assertDeliverableUrl(data.url, this.urlPolicy);
    if ((await this.em.count(WebhookEndpoint, { organization: org.id })) >= MAX_ENDPOINTS_PER_ORGANIZATION)
      throw new DomainError(
        WebhookErrorCode.TOO_MANY_WEBHOOK_ENDPOINTS,
        `An organisation may have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints.`,
      );
    const signingSecret = newSigningSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      organization: org,
      url: url.toString(),
      events: [...new Set(data.events)],
      description: data.description ?? null,
      secretEnc: fieldCipher().encrypt(signingSecret),
    });
    this.audit("webhookEndpoint.create", endpoint.id, { url: endpoint.url, events: endpoint.events });
    await this.em.flush();
    return { endpoint, signingSecret };
  }

  async update(input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const endpoint = await this.find(id);
    checkVersion(endpoint.version, expectedVersion);
    const changed: string[] = [];
    if (data.url != null) {
      endpoint.url = (await assertDeliverableUrl(data.url, this.urlPolicy)).toString();
      changed.push("url");
    }
    if (data.events != null) {
      endpoint.events = [...new Set(data.events)];
      changed.push("events");
    }
    if (data.description !== undefined) {
      endpoint.description = data.description ?? null;
      changed.push("description");
    }
    if (data.active != null) {
      endpoint.active = data.active;
      if (data.active) {
        // Re-enabling starts a fresh failure window.
        endpoint.disabledAt = null;
        endpoint.consecutiveFailureSince = null;
      }
      changed.push("active");
    }
    this.audit("webhookEndpoint.update", endpoint.id, { fields: changed });
    await this.em.flush();
    return endpoint;
  }

  async rotateSecret(id: string): Promise<EndpointWithSecret> {
    const endpoint = await this.find(id);
    const signingSecret = newSigningSecret();
    endpoint.secretEnc = fieldCipher().encrypt(signingSecret);
    this.audit("webhookEndpoint.rotateSecret", endpoint.id, {});
    await this.em.flush();
    return { endpoint, signingSecret };
  }

  async delete(id: string): Promise<string> {
    const endpoint = await this.find(id);
    this.audit("webhookEndpoint.delete", endpoint.id, { url: endpoint.url });
    await this.em.remove(endpoint).flush();
    return id;
  }

  /** Puts a delivery back in the queue with a fresh retry schedule and the same event id. */
  async redeliver(deliveryId: string, now = new Date()): Promise<WebhookDelivery> {
    const delivery = await this.em.findOne(WebhookDelivery, { id: deliveryId }, { populate: ["endpoint"] });
    if (!delivery) throw new NotFoundError("WebhookDelivery", ["deliveryId"]);
    if (!delivery.endpoint.active)
      throw new DomainError(
        WebhookErrorCode.WEBHOOK_ENDPOINT_INACTIVE,
        "Re-enable the endpoint (updateWebhookEndpoint active: true) first.",
        ["deliveryId"],
      );
    delivery.status = WebhookDeliveryStatus.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = now;
    delivery.lastError = null;
    this.audit("webhookDelivery.redeliver", delivery.id, {});
    await this.em.flush();
    return delivery;
  }

  private async find(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.em.findOne(WebhookEndpoint, { id });
    if (!endpoint) throw new NotFoundError("WebhookEndpoint");
    return endpoint;
  }

  /** A partner registers for itself; staff register on behalf of a named partner. */
  private async owningOrganization(organizationId: string | null): Promise<Organization> {
    const p = this.principal;
    if (p.kind === "PARTNER") {
      if (organizationId && organizationId !== p.organizationId)
        throw new NotFoundError("Organization", ["organizationId"]);
      return this.em.findOneOrFail(Organization, { id: p.organizationId });
    }
    if (!organizationId)
      throw new DomainError(
        OrganizationErrorCode.ORGANIZATION_REQUIRED,
        "Name the partner organisation the endpoint is for.",
        ["organizationId"],
      );
    const org = await this.em.findOne(Organization, { id: organizationId });
    if (!org) throw new NotFoundError("Organization", ["organizationId"]);
    if (org.kind === OrganizationKind.OPERATOR)
      throw new DomainError(OrganizationErrorCode.INVALID_ORGANIZATION, "Webhooks are for partner organisations.", [
        "organizationId",
      ]);
    return org;
  }

  private audit(action: string, entityId: string, changes: Record<string, unknown>): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: action.startsWith("webhookDelivery") ? "WebhookDelivery" : "WebhookEndpoint",
      entityId,
      changes,
    });
  }
}
