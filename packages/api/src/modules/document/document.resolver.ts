import DataLoader from "dataloader";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Claim } from "../claim/claim.entity.js";
import { Visit } from "../visit/visit.entity.js";
import { DocumentType } from "./document-type.entity.js";
import { Document } from "./document.entity.js";
import { checklistsOf, type ChecklistLine } from "./document.checklist.js";
import {
  AttachDocumentInput,
  CreateDocumentTypeInput,
  RemoveDocumentInput,
  ReplaceDocumentInput,
  DocumentFilter,
  UpdateDocumentTypeInput,
} from "./document.inputs.js";
import { DocumentService } from "./document.service.js";

export const DocumentConnection = ConnectionType(Document, "Document");
export const DocumentPayload = PayloadType("DocumentPayload", "document", Document);
export const DocumentTypePayload = PayloadType("DocumentTypePayload", "documentType", DocumentType);

@ObjectType({ description: "One required document type of a claim's checklist, and whether the claim has it." })
export class DocumentChecklistItem {
  @Field(() => DocumentType, { description: "The required type." })
  documentType!: DocumentType;
  @Field(() => Int, { description: "Documents of this type on the claim or on its case itself." })
  documentCount!: number;
  @Field({ description: "True when at least one is there; SUBMIT needs every item present." })
  present!: boolean;
}

export function documentWhere(filter: DocumentFilter | null): FilterQuery<Document> {
  const where: Record<string, unknown> = {};
  if (filter?.caseId) where.case = filter.caseId;
  if (filter?.claimId) where.claim = filter.claimId;
  if (filter?.visitId) where.visit = filter.visitId;
  if (filter?.scanKey) where.scanKey = filter.scanKey.trim();
  if (!filter?.includeRemoved) where.removedAt = null;
  if (filter?.documentType?.length)
    where.documentType = { code: { $in: filter.documentType.map((c) => c.trim().toUpperCase()) } };
  return where;
}

/** Where a document's bytes are downloaded (the REST route, document.routes.ts). */
export const documentDownloadPath = (id: string): string => `/documents/${id}/file`;

/** Nested lists show the current documents; removed and replaced ones are history (documents(includeRemoved)). */
const CURRENT = { removedAt: null };

/** One checklist query per request, whatever the number of claims asked (a page of claims). */
const checklistLoaders = new WeakMap<object, DataLoader<string, ChecklistLine[]>>();
function checklistLoader(ctx: AppContext): DataLoader<string, ChecklistLine[]> {
  let loader = checklistLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const map = await checklistsOf(ctx.em, ids);
      return ids.map((id) => map.get(id) ?? []);
    });
    checklistLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** `documentTypes(all)`: the active types unless all, by position then code (the compiled read path's too). */
export const documentTypesWhere = (all: boolean) => (all ? {} : { active: true });
export const DOCUMENT_TYPE_ORDER = { position: "ASC", code: "ASC" } as const;

@Resolver(() => Document)
export class DocumentResolver {
  @Authorized()
  @Query(() => [DocumentType], {
    description: "The configurable list of document types (active ones unless all is true).",
  })
  documentTypes(
    @Arg("all", () => Boolean, { defaultValue: false, description: "Include inactive types." }) all: boolean,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.em.find(DocumentType, documentTypesWhere(all), { orderBy: DOCUMENT_TYPE_ORDER });
  }

  @Authorized()
  @Query(() => Document, { nullable: true, description: "One document by id (null when missing or not yours)." })
  document(@Arg("id", () => ID, { description: "Document id." }) id: string, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Document).load(id);
  }

  @Authorized()
  @Query(() => DocumentConnection, {
    description: "Documents visible to the caller (those of the claims, visits and cases it sees), newest first.",
  })
  documents(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => DocumentFilter, { nullable: true, description: "Filters." }) filter: DocumentFilter | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Document, {
      where: () => documentWhere(filter),
      sortField: "createdAt",
      direction: SortDirection.DESC,
      args,
    });
  }

  @Authorized("PARTNER", "OPERATOR", "VISITOR")
  @Mutation(() => DocumentPayload, {
    description:
      "Files an uploaded file (POST /files) as a typed document of a claim, a visit or a case, under the case's scan key.",
  })
  attachDocument(@Arg("input", { description: "The document." }) input: AttachDocumentInput, @Ctx() ctx: AppContext) {
    return asPayload("document", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "attachDocument",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new DocumentService(em, ctx.principal, ctx.requestId).attach(input),
        load: (em, id) => em.findOne(Document, { id }),
      }),
    );
  }

  @Authorized("PARTNER", "OPERATOR", "VISITOR")
  @Mutation(() => DocumentPayload, {
    description:
      "Removes a document, with a reason (who may add documents to its claim, visit or case now); it stays readable by id as history.",
  })
  removeDocument(
    @Arg("input", { description: "Document and reason." }) input: RemoveDocumentInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("document", () =>
      ctx.em.transactional((em) => new DocumentService(em, ctx.principal, ctx.requestId).remove(input)),
    );
  }

  @Authorized("PARTNER", "OPERATOR", "VISITOR")
  @Mutation(() => DocumentPayload, {
    description:
      "Replaces a document with a new upload of the same type and owner (answers the new one); the old one is kept, removed, with replacedById.",
  })
  replaceDocument(
    @Arg("input", { description: "Document and new file." }) input: ReplaceDocumentInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("document", () =>
      ctx.em.transactional((em) => new DocumentService(em, ctx.principal, ctx.requestId).replace(input)),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => DocumentTypePayload, { description: "Adds a document type to the configurable list (ADMIN)." })
  createDocumentType(
    @Arg("input", { description: "The type." }) input: CreateDocumentTypeInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("documentType", () =>
      ctx.em.transactional((em) => new DocumentService(em, ctx.principal, ctx.requestId).createType(input)),
    );
  }

  @Authorized("ADMIN")
  @Mutation(() => DocumentTypePayload, {
    description: "Changes a document type: its name, the claim kinds that require it, whether it is active (ADMIN).",
  })
  updateDocumentType(
    @Arg("input", { description: "The changes." }) input: UpdateDocumentTypeInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("documentType", () =>
      ctx.em.transactional((em) => new DocumentService(em, ctx.principal, ctx.requestId).updateType(input)),
    );
  }

  @FieldResolver(() => DocumentType, { description: "The document's type." })
  documentType(@Root() d: Document, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(DocumentType).load(refId(d.documentType)!);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: "Id of the case it is filed under; null for a visit without a case (an appointment).",
  })
  caseId(@Root() d: Document): string | null {
    return refId(d.case);
  }

  @FieldResolver(() => Case, { nullable: true, description: "The case it is filed under (null when hidden from you)." })
  case(@Root() d: Document, @Ctx() ctx: AppContext) {
    const id = refId(d.case);
    return id ? ctx.loaders.byId(Case).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the claim it supports." })
  claimId(@Root() d: Document): string | null {
    return refId(d.claim);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the visit it was collected at." })
  visitId(@Root() d: Document): string | null {
    return refId(d.visit);
  }

  @FieldResolver(() => String, { description: "Path to download the bytes with the same credentials (GET, audited)." })
  downloadPath(@Root() d: Document): string {
    return documentDownloadPath(d.id);
  }
}

/** A claim's, a visit's and a case's documents and the claim's checklist. */
@Resolver(() => Claim)
export class ClaimDocumentsResolver {
  @FieldResolver(() => [Document], {
    description: "The claim's documents and its case's own (those that serve every claim of the case), oldest first.",
  })
  async documents(@Root() c: Claim, @Ctx() ctx: AppContext) {
    const [own, ofCase] = await Promise.all([
      ctx.loaders.children(Document, "claim", { createdAt: "ASC", id: "ASC" }, CURRENT).load(c.id),
      ctx.loaders
        .children(Document, "case", { createdAt: "ASC", id: "ASC" }, { claim: null, visit: null, ...CURRENT })
        .load(refId(c.case)!),
    ]);
    return [...ofCase, ...own];
  }

  @FieldResolver(() => [DocumentChecklistItem], {
    description:
      "The documents the claim's kind requires (documentTypes.requiredForClaimKinds) and whether each is there.",
  })
  async documentChecklist(@Root() c: Claim, @Ctx() ctx: AppContext): Promise<DocumentChecklistItem[]> {
    const lines = await checklistLoader(ctx).load(c.id);
    const types = await Promise.all(lines.map((l) => ctx.loaders.byId(DocumentType).load(l.documentTypeId)));
    return lines.map((l, i) => ({
      documentType: types[i]!,
      documentCount: l.documentCount,
      present: l.documentCount > 0,
    }));
  }
}

@Resolver(() => Visit)
export class VisitDocumentsResolver {
  @FieldResolver(() => [Document], { description: "Materials collected at the visit, oldest first." })
  documents(@Root() v: Visit, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(Document, "visit", { createdAt: "ASC", id: "ASC" }, CURRENT).load(v.id);
  }
}

@Resolver(() => Case)
export class CaseDocumentsResolver {
  @FieldResolver(() => [Document], {
    description:
      "Every document filed under the case (its own, its claims', its visits') that you may see, oldest first.",
  })
  documents(@Root() c: Case, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(Document, "case", { createdAt: "ASC", id: "ASC" }, CURRENT).load(c.id);
  }
}
