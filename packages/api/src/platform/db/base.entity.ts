import { OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { v7 as uuidv7 } from "uuid";

/** Columns every entity fills by itself. */
export type BaseOptional = "id" | "createdAt" | "updatedAt" | "version";

/**
 * Every table's common columns. UUIDv7 keys sort by creation time, which keeps
 * b-tree inserts local and lets `id` double as a stable keyset cursor tie-breaker.
 */
@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  /** Properties with defaults that em.create may omit; entities extend this union. */
  [OptionalProps]?: BaseOptional | Optional;

  @Field(() => ID, { description: "Stable identifier (UUIDv7)." })
  @PrimaryKey({ type: "uuid" })
  id: string = uuidv7();

  @Field(() => DateTimeResolver, { description: "When the row was created." })
  @Property({ type: "timestamptz", defaultRaw: "now()" })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver, { description: "When the row last changed." })
  @Property({ type: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Mutable rows carry an optimistic-lock version that every update checks and bumps. */
@ObjectType()
export abstract class VersionedEntity<Optional extends string = never> extends BaseEntity<Optional> {
  @Field(() => Int, { description: "Optimistic-lock version: send it back as expectedVersion on every change." })
  @Property({ version: true, type: "integer" })
  version!: number;
}
