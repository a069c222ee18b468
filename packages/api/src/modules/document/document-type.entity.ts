import { ArrayType, Entity, Property, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { ClaimKind } from "../claim/claim.enums.js";

/**
 * A kind of supporting document (scanned claim form, invoice, prescription, ID copy): the
 * configurable list documents are filed under, and the one place a claim kind's checklist
 * is declared (`requiredForClaimKinds`, the Persian workflow's "controls" step). SUBMIT of a
 * claim of such a kind is refused while one of its required types has no document.
 */
@ObjectType({ description: "A type of supporting document, and the claim kinds that require one." })
@Entity({ tableName: "document_type" })
export class DocumentType extends VersionedEntity<"active" | "position" | "requiredForClaimKinds"> {
  @Field({ description: "Stable code, e.g. INVOICE, PRESCRIPTION, ID_COPY (upper case, digits, _)." })
  @Property({ type: "text" })
  @Unique()
  code!: string;

  @Field({ description: "Name shown to people." })
  @Property({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the document is and what it must show." })
  @Property({ type: "text", nullable: true })
  description?: string | null;

  @Field(() => [ClaimKind], {
    description: "The claim kinds that need one document of this type before SUBMIT (the checklist per kind).",
  })
  @Property({ type: ArrayType, columnType: "text[]", defaultRaw: "'{}'" })
  requiredForClaimKinds: ClaimKind[] = [];

  @Field({ description: "Inactive types are kept for existing documents but take no new ones and require nothing." })
  @Property({ type: "boolean", default: true })
  active: boolean = true;

  @Field(() => Int, { description: "Order in lists and checklists." })
  @Property({ type: "integer", default: 0 })
  position: number = 0;
}
