import { Field, ID, ObjectType } from "type-graphql";
import { UserError } from "../../platform/graphql/payload.js";
import { WebhookEndpoint } from "./webhook.entities.js";

@ObjectType({
  description: "Result of creating an endpoint or rotating its secret: the only time the secret is shown.",
})
export class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: "The endpoint, when the mutation succeeded." })
  webhookEndpoint?: WebhookEndpoint | null;
  @Field(() => String, {
    nullable: true,
    description: "The signing secret (whsec_…). Store it now: it is never shown again. Null on an idempotent replay.",
  })
  signingSecret?: string | null;
  @Field(() => [UserError], { description: "Empty when the mutation succeeded." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of deleting an endpoint." })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { nullable: true, description: "The id of the deleted endpoint." })
  deletedId?: string | null;
  @Field(() => [UserError], { description: "Empty when the mutation succeeded." })
  userErrors!: UserError[];
}
