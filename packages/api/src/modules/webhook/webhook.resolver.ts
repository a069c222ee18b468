import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import { DateTimeResolver } from "graphql-scalars";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { refId } from "../../platform/graphql/loaders.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from "./webhook.entities.js";
import { WebhookEventType } from "./webhook.enums.js";
import {
  CreateWebhookEndpointInput,
  RedeliverWebhookInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryFilter,
  WebhookDeliveryOrder,
  WebhookDeliverySortField,
  WebhookEndpointRefInput,
} from "./webhook.inputs.js";
import { WebhookService } from "./webhook.service.js";
import { DeleteWebhookEndpointPayload, WebhookEndpointSecretPayload } from "./webhook.types.js";
import { urlPolicyFromEnv } from "./webhook.url-policy.js";

export const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, "WebhookEndpoint");
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, "WebhookDelivery");
export const WebhookEndpointPayload = PayloadType("WebhookEndpointPayload", "webhookEndpoint", WebhookEndpoint);
export const WebhookDeliveryPayload = PayloadType("WebhookDeliveryPayload", "webhookDelivery", WebhookDelivery);

function service(ctx: AppContext, em = ctx.em): WebhookService {
  return new WebhookService(em, ctx.principal, ctx.requestId, urlPolicyFromEnv(ctx.config.NODE_ENV));
}

export function deliveryWhere(filter: WebhookDeliveryFilter | null): FilterQuery<WebhookDelivery> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.endpointId) where.endpoint = filter.endpointId;
  if (filter.status?.length) where.status = { $in: filter.status };
  const event: Record<string, unknown> = {};
  if (filter.eventType?.length) event.type = { $in: filter.eventType };
  if (filter.objectId) event.objectId = filter.objectId;
  if (Object.keys(event).length) where.event = event;
  return where;
}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Authorized("OPERATOR", "PARTNER")
  @Query(() => WebhookEndpointConnection, {
    description: "Webhook endpoints: a partner sees its own; operators see all.",
  })
  webhookEndpoints(
    @Args() args: ConnectionArgs,
    @Arg("organizationId", () => ID, { nullable: true, description: "Only this organisation's endpoints." })
    organizationId: string | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, WebhookEndpoint, {
      where: () => (organizationId ? { organization: organizationId } : {}),
      sortField: "createdAt",
      direction: SortDirection.ASC,
      args,
    });
  }

  @FieldResolver(() => ID, { description: "The organisation the endpoint belongs to." })
  organizationId(@Root() e: WebhookEndpoint): string {
    return refId(e.organization)!;
  }

  @Authorized("OPERATOR", "PARTNER_ADMIN")
  @Mutation(() => WebhookEndpointSecretPayload, {
    description:
      "Registers an endpoint (a partner for itself, operator staff on a partner's behalf); returns the signing secret once.",
  })
  async createWebhookEndpoint(
    @Arg("input", { description: "The endpoint." }) input: CreateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpointSecretPayload> {
    let signingSecret: string | null = null;
    const result = await asPayload("webhookEndpoint", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createWebhookEndpoint",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: async (em) => {
          const created = await service(ctx, em).create(input);
          signingSecret = created.signingSecret;
          return created.endpoint;
        },
        load: (em, id) => em.findOne(WebhookEndpoint, { id }),
      }),
    );
    return { ...result, signingSecret: result.webhookEndpoint ? signingSecret : null };
  }

  @Authorized("OPERATOR", "PARTNER_ADMIN")
  @Mutation(() => WebhookEndpointPayload, {
    description: "Changes an endpoint's URL, events, description or active flag.",
  })
  updateWebhookEndpoint(
    @Arg("input", { description: "The changes." }) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("webhookEndpoint", () => ctx.em.transactional((em) => service(ctx, em).update(input)));
  }

  @Authorized("OPERATOR", "PARTNER_ADMIN")
  @Mutation(() => WebhookEndpointSecretPayload, {
    description: "Replaces the signing secret; the new one is returned once and signs every delivery from now on.",
  })
  async rotateWebhookSecret(
    @Arg("input", { description: "The endpoint." }) input: WebhookEndpointRefInput,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpointSecretPayload> {
    let signingSecret: string | null = null;
    const result = await asPayload("webhookEndpoint", () =>
      ctx.em.transactional(async (em) => {
        const rotated = await service(ctx, em).rotateSecret(input.id);
        signingSecret = rotated.signingSecret;
        return rotated.endpoint;
      }),
    );
    return { ...result, signingSecret: result.webhookEndpoint ? signingSecret : null };
  }

  @Authorized("OPERATOR", "PARTNER_ADMIN")
  @Mutation(() => DeleteWebhookEndpointPayload, { description: "Deletes an endpoint and its delivery log." })
  deleteWebhookEndpoint(
    @Arg("input", { description: "The endpoint." }) input: WebhookEndpointRefInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("deletedId", () => ctx.em.transactional((em) => service(ctx, em).delete(input.id)));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Authorized("OPERATOR", "PARTNER")
  @Query(() => WebhookDeliveryConnection, { description: "The delivery log, newest first by default." })
  webhookDeliveries(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => WebhookDeliveryFilter, { nullable: true, description: "Filters." })
    filter: WebhookDeliveryFilter | null,
    @Arg("orderBy", () => WebhookDeliveryOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof WebhookDeliveryOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, WebhookDelivery, {
      where: () => deliveryWhere(filter),
      sortField: orderBy?.field ?? WebhookDeliverySortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @Authorized("OPERATOR", "PARTNER")
  @Mutation(() => WebhookDeliveryPayload, {
    description: "Sends a delivery again (same event id, fresh retry schedule).",
  })
  redeliverWebhook(
    @Arg("input", { description: "The delivery." }) input: RedeliverWebhookInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("webhookDelivery", () =>
      ctx.em.transactional((em) => service(ctx, em).redeliver(input.deliveryId)),
    );
  }

  @FieldResolver(() => ID, {
    description: "The event id: the same on every delivery and redelivery of the event (Clinigraph-Event-Id).",
  })
  eventId(@Root() d: WebhookDelivery): string {
    return refId(d.event)!;
  }

  @FieldResolver(() => ID, { description: "The endpoint it was sent to." })
  endpointId(@Root() d: WebhookDelivery): string {
    return refId(d.endpoint)!;
  }

  @FieldResolver(() => WebhookEndpoint, { nullable: true, description: "The endpoint it was sent to." })
  endpoint(@Root() d: WebhookDelivery, @Ctx() ctx: AppContext): Promise<WebhookEndpoint | null> {
    return ctx.loaders.byId(WebhookEndpoint).load(refId(d.endpoint)!);
  }

  @FieldResolver(() => WebhookEventType, { description: "The event type." })
  async eventType(@Root() d: WebhookDelivery, @Ctx() ctx: AppContext): Promise<WebhookEventType> {
    return (await this.event(d, ctx)).type;
  }

  @FieldResolver(() => DateTimeResolver, { description: "When the event happened." })
  async occurredAt(@Root() d: WebhookDelivery, @Ctx() ctx: AppContext): Promise<Date> {
    return (await this.event(d, ctx)).occurredAt;
  }

  @FieldResolver(() => String, { description: "What the event is about: Order, Claim or Visit." })
  async objectType(@Root() d: WebhookDelivery, @Ctx() ctx: AppContext): Promise<string> {
    return (await this.event(d, ctx)).objectType;
  }

  @FieldResolver(() => ID, { description: "The id of the order, claim or visit." })
  async objectId(@Root() d: WebhookDelivery, @Ctx() ctx: AppContext): Promise<string> {
    return (await this.event(d, ctx)).objectId;
  }

  private async event(d: WebhookDelivery, ctx: AppContext): Promise<WebhookEvent> {
    const event = await ctx.loaders.byId(WebhookEvent).load(refId(d.event)!);
    if (!event) throw new Error(`webhook event ${refId(d.event)} missing`);
    return event;
  }
}
