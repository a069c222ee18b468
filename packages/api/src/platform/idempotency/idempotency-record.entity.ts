import { Entity, Property, Unique } from "@mikro-orm/core";
import { BaseEntity } from "../db/base.entity.js";

/** What a create mutation returned for (principal, idempotency key), so a retry returns it again. */
@Entity({ tableName: "idempotency_record" })
@Unique({ properties: ["principalKey", "key"] })
export class IdempotencyRecord extends BaseEntity {
  @Property({ type: "text" })
  principalKey!: string;

  @Property({ type: "text" })
  key!: string;

  @Property({ type: "text" })
  operation!: string;

  /** sha256 of the canonical input, to refuse the same key with a different request. */
  @Property({ type: "text" })
  requestHash!: string;

  @Property({ type: "uuid", nullable: true })
  resultId?: string | null;
}
