import { Field, ID, InputType, Int } from "type-graphql";
import { ClaimKind } from "../claim/claim.enums.js";

@InputType({
  description:
    "Files an uploaded file (POST /files) as a typed document of exactly one of a claim, a visit or a case, under the case's scan key.",
})
export class AttachDocumentInput {
  @Field(() => ID, { description: "The file's id from POST /files (checked there: PDF, PNG, JPEG or TIFF)." })
  fileId!: string;
  @Field({ description: "The document type's code (documentTypes), e.g. INVOICE." })
  documentType!: string;
  @Field(() => ID, { nullable: true, description: "The claim it supports." })
  claimId?: string | null;
  @Field(() => ID, { nullable: true, description: "The visit it was collected at (the visitor's materials)." })
  visitId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "The case itself (e.g. an ID copy that serves every claim of the case).",
  })
  caseId?: string | null;
  @Field(() => String, { nullable: true, description: "What the document shows (at most 500 characters)." })
  note?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried attach return the first document." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Filters for the document list." })
export class DocumentFilter {
  @Field(() => ID, { nullable: true, description: "Every document of this case (its own, its claims', its visits')." })
  caseId?: string | null;
  @Field(() => ID, { nullable: true, description: "The documents of this claim." })
  claimId?: string | null;
  @Field(() => ID, { nullable: true, description: "The documents of this visit." })
  visitId?: string | null;
  @Field(() => String, { nullable: true, description: "Filed under this scan key (16 digits)." })
  scanKey?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Include removed and replaced documents (history)." })
  includeRemoved?: boolean | null;
  @Field(() => [String], { nullable: true, description: "Only these document type codes." })
  documentType?: string[] | null;
}

@InputType({ description: "A new document type." })
export class CreateDocumentTypeInput {
  @Field({ description: "Stable code: upper-case letters, digits and _, at most 40." })
  code!: string;
  @Field({ description: "Name shown to people." })
  name!: string;
  @Field(() => String, { nullable: true, description: "What the document is and what it must show." })
  description?: string | null;
  @Field(() => [ClaimKind], { nullable: true, description: "Claim kinds that require one before SUBMIT." })
  requiredForClaimKinds?: ClaimKind[] | null;
  @Field(() => Int, { nullable: true, description: "Order in lists (default 0)." })
  position?: number | null;
}

@InputType({ description: "Changes a document type; omitted fields stay." })
export class UpdateDocumentTypeInput {
  @Field(() => ID, { description: "Document type id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "New name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;
  @Field(() => [ClaimKind], { nullable: true, description: "The claim kinds that require it (replaces the list)." })
  requiredForClaimKinds?: ClaimKind[] | null;
  @Field(() => Boolean, { nullable: true, description: "Inactive: takes no new documents and requires nothing." })
  active?: boolean | null;
  @Field(() => Int, { nullable: true, description: "Order in lists." })
  position?: number | null;
}

@InputType({
  description: "Removes a document: it leaves lists and checklists; the row, its file and its history stay.",
})
export class RemoveDocumentInput {
  @Field(() => ID, { description: "Document id." })
  id!: string;
  @Field({ description: "Why (at most 500 characters): kept with the document and in the audit trail." })
  reason!: string;
}

@InputType({
  description: "Replaces a document with a new upload of the same type and owner; the old one is kept as history.",
})
export class ReplaceDocumentInput {
  @Field(() => ID, { description: "The document to replace." })
  id!: string;
  @Field(() => ID, { description: "The new file's id from POST /files." })
  fileId!: string;
  @Field(() => String, { nullable: true, description: "What the new document shows." })
  note?: string | null;
}
