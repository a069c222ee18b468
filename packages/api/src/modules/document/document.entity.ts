import { Entity, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { Case } from "../case/case.entity.js";
import { Claim } from "../claim/claim.entity.js";
import { FileFactsEntity, StoredFile } from "../order/stored-file.entity.js";
import { Visit } from "../visit/visit.entity.js";
import { DocumentType } from "./document-type.entity.js";
import { ActorKind } from "../../platform/auth/actor-kind.js";

/**
 * A supporting document of a case, a claim or a visit: an uploaded file (POST /files,
 * checked there like every report file) with its type, filed under the case's scan key.
 * A claim's or visit's document also names their case, so the file of a case holds all
 * of them. Append-only; the file's facts are copied because a stored file never changes,
 * and the bytes are read only through the document (GET /documents/:id/file).
 */
@ObjectType({ description: "A supporting document (scanned claim materials, invoice, prescription, ID copy)." })
@Entity({ tableName: "document" })
@Index({ properties: ["case", "createdAt"] })
@Index({ properties: ["claim"] })
@Index({ properties: ["visit"] })
@Index({ properties: ["scanKey"] })
export class Document extends FileFactsEntity {
  @ManyToOne(() => DocumentType)
  documentType!: DocumentType;

  /** The bytes; a foreign key, so the orphan-file sweep keeps the file. */
  @ManyToOne(() => StoredFile)
  file!: StoredFile;

  /** Null only for a visit without a case (an appointment): filed under the patient's customer number and the visit's date. */
  @ManyToOne(() => Case, { nullable: true })
  case?: Case | null;

  @ManyToOne(() => Claim, { nullable: true })
  claim?: Claim | null;

  @ManyToOne(() => Visit, { nullable: true })
  visit?: Visit | null;

  @Field({ description: "The case's scan key (customer number + incident date) the document is filed under." })
  @Property({ type: "text" })
  scanKey!: string;

  @Field(() => String, { nullable: true, description: "What the document shows, in the uploader's words." })
  @Property({ type: "text", nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "Organisation of the principal that attached it." })
  @Property({ type: "uuid", nullable: true })
  attachedByOrganizationId?: string | null;

  @Field(() => ActorKind, { description: "STAFF or PARTNER." })
  @Property({ type: "text" })
  attachedByKind!: string;

  // Removal and replacement keep the row (and its file): the history stays readable by id.
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it was removed or replaced; removed documents leave lists and checklists.",
  })
  @Property({ type: "timestamptz", nullable: true })
  removedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was removed (for a replacement: REPLACED)." })
  @Property({ type: "text", nullable: true })
  removalReason?: string | null;

  @Field(() => ID, { nullable: true, description: "The document that replaced this one." })
  @Property({ type: "uuid", nullable: true })
  replacedById?: string | null;

  @Field(() => ID, { nullable: true, description: "The document this one replaced." })
  @Property({ type: "uuid", nullable: true })
  replacesId?: string | null;
}
