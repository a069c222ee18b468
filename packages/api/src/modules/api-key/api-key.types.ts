import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../platform/graphql/payload.js";
import { ApiKey } from "./api-key.entity.js";
import { ApiKeyScope } from "../../platform/auth/scopes.js";

@InputType({ description: "Filters for the API key list." })
export class ApiKeyFilter {
  @Field(() => ID, { nullable: true, description: "Keys of this organisation (staff)." })
  organizationId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Only revoked (true) or live (false) keys." })
  revoked?: boolean | null;
}

@InputType({ description: "A new API key for a partner organisation." })
export class CreateApiKeyInput {
  @Field(() => ID, {
    nullable: true,
    description: "The partner organisation (ADMIN); partners omit it to create a key for themselves.",
  })
  organizationId?: string | null;
  @Field({ description: "A label, e.g. 'LIS production'." })
  name!: string;
  @Field(() => [ApiKeyScope], {
    nullable: true,
    description: "Scopes (default: all for ADMIN; a key creating a key: its own, and never more than its own).",
  })
  scopes?: ApiKeyScope[] | null;
}

@InputType({ description: "Revokes an API key; it never authenticates again." })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: "API key id." })
  id!: string;
}

@ObjectType({ description: "Result of createApiKey. The secret is shown here once and never again." })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: "The new key (without its secret)." })
  apiKey!: ApiKey | null;
  @Field(() => String, {
    nullable: true,
    description: "The full key to send as `Authorization: Bearer ck_…`. Store it now.",
  })
  secret!: string | null;
  @Field(() => [UserError], { description: "Empty when the mutation succeeded." })
  userErrors!: UserError[];
}
