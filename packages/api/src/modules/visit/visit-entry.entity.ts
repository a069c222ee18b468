import { Entity, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { ActorStampedEntity } from "../../platform/audit/actor-stamped.entity.js";
import { Visit } from "./visit.entity.js";

/** One field of a findings save, as it read before and after. */
@ObjectType({ description: "One field a findings save changed, before → after." })
export class VisitEntryChange {
  @Field({
    description:
      "admissionDate, ward, bed, diagnosisCodes, investigationResult, bankAccount or liabilityLinks (the SaveVisitFindingsInput names).",
  })
  field!: string;

  @Field(() => [String], {
    description:
      "The value before the save: one string per item (diagnosis codes, liability links as 'policy number · liability code'); empty when unset. A bank account reads masked.",
  })
  before!: string[];

  @Field(() => [String], { description: "The value after the save, in the same form as `before`." })
  after!: string[];
}

/**
 * 探访录入 as a record: every findings save (saveVisitFindings, and the entry part of
 * concludeVisit) keeps what it changed, by whom and when, so a reviewer reads how the
 * findings grew and a later save never hides an earlier one. Written in the save's own
 * transaction; never updated.
 */
@ObjectType({ description: "One save of a visitor's findings: who, when and what changed (before → after)." })
@Entity({ tableName: "visit_entry" })
@Index({ properties: ["visit", "createdAt"] })
export class VisitEntry extends ActorStampedEntity {
  @ManyToOne(() => Visit)
  visit!: Visit;

  @Field(() => String, {
    nullable: true,
    description: "The conclusion (COMPLETED or NO_LIABILITY) when the save was part of concludeVisit.",
  })
  @Property({ type: "text", nullable: true })
  conclusion?: string | null;

  @Field(() => [VisitEntryChange], { description: "What the save changed, in the input's field order." })
  @Property({ type: "jsonb" })
  changes!: VisitEntryChange[];
}
