import { Entity, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { ApiKeyScope } from "../../platform/auth/scopes.js";

@ObjectType({
  description: "A partner organisation's API key. The secret is shown once, at creation; only its hash is stored.",
})
@Entity({ tableName: "api_key" })
export class ApiKey extends VersionedEntity<"scopes"> {
  @ManyToOne(() => Organization)
  organization!: Organization;

  @Field({ description: "A label for the key, e.g. 'LIS production'." })
  @Property({ type: "text" })
  name!: string;

  @Field({ description: "Public prefix of the key (ck_<prefix>_…), to recognise it in logs." })
  @Property({ type: "text" })
  @Unique()
  prefix!: string;

  @Property({ type: "text", hidden: true })
  secretHash!: string;

  @Field(() => [ApiKeyScope], { description: "What the key may do: read (queries, GET), write (mutations, uploads)." })
  @Property({ type: "jsonb" })
  scopes: ApiKeyScope[] = [ApiKeyScope.read, ApiKeyScope.write];

  @Field(() => DateTimeResolver, { nullable: true, description: "Last successful use." })
  @Property({ type: "timestamptz", nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the key was revoked; revoked keys never authenticate.",
  })
  @Property({ type: "timestamptz", nullable: true })
  revokedAt?: Date | null;

  @Property({ type: "uuid", nullable: true })
  createdByUserId?: string | null;
}
