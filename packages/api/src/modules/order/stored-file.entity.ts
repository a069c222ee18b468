import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { BaseEntity } from "../../platform/db/base.entity.js";
import { ActorKind } from "../../platform/auth/actor-kind.js";

/**
 * What is known of a file's bytes, checked once at upload: an uploaded file's own columns,
 * and those a document copies from it (a stored file never changes, so the copy stays true).
 */
@ObjectType()
export abstract class FileFactsEntity extends BaseEntity {
  @Field({ description: "Sanitised original file name." })
  @Property({ type: "text" })
  fileName!: string;

  @Field({ description: "Content type identified from the bytes at upload, not the name." })
  @Property({ type: "text" })
  contentType!: string;

  @Field(() => Int, { description: "Size in bytes." })
  @Property({ type: "bigint" })
  size!: number;

  @Field({ description: "SHA-256 of the content, hex." })
  @Property({ type: "text" })
  sha256!: string;
}

@ObjectType({ description: "An uploaded document (POST /files), referenced by reports." })
@Entity({ tableName: "stored_file" })
@Index({ properties: ["uploadedByOrganizationId", "createdAt"] })
export class StoredFile extends FileFactsEntity {
  /** Where the storage backend keeps the bytes; never shown to clients. */
  @Property({ type: "text", hidden: true })
  storageKey!: string;

  @Field(() => ID, { nullable: true, description: "Organisation of the uploader." })
  @Property({ type: "uuid", nullable: true })
  uploadedByOrganizationId?: string | null;

  /** The uploading user (staff) or API key (partner): restricted staff roles see their own uploads. */
  @Property({ type: "uuid", nullable: true })
  uploadedById?: string | null;

  @Field(() => ActorKind, { nullable: true, description: "STAFF or PARTNER." })
  @Property({ type: "text", nullable: true })
  uploadedByKind?: string | null;
}
