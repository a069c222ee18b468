import type { EntityManager } from "@mikro-orm/postgresql";
import { LockMode } from "@mikro-orm/core";
import { z } from "zod";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Case } from "../case/case.entity.js";
import { Claim } from "../claim/claim.entity.js";
import { ClaimKind } from "../claim/claim.enums.js";
import { StoredFile } from "../order/stored-file.entity.js";
import { Visit } from "../visit/visit.entity.js";
import { DocumentType } from "./document-type.entity.js";
import { Document } from "./document.entity.js";
import type { AttachDocumentInput, CreateDocumentTypeInput, UpdateDocumentTypeInput } from "./document.inputs.js";
import { assertMayAttach, type DocumentOwner } from "./document.rules.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { DocumentErrorCode } from "./document.errors.js";

const UNSCOPED = { filters: false } as const;

const attachSchema = z.object({
  fileId: rules.uuid,
  documentType: z.string().trim().min(1, "must not be empty").max(40, "is at most 40 characters"),
  claimId: rules.uuid.nullish(),
  visitId: rules.uuid.nullish(),
  caseId: rules.uuid.nullish(),
  note: rules.text(500).nullish(),
});

const typeSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, "must be 2–40 upper-case letters, digits or _"),
  name: rules.name,
  description: rules.text(2000).nullish(),
  requiredForClaimKinds: z.array(z.enum(ClaimKind)).max(10).nullish(),
  position: z.number().int().min(0).max(10_000).nullish(),
});
const typePatchSchema = typeSchema.omit({ code: true }).partial().extend({ active: z.boolean().nullish() });

export class DocumentService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /** attachDocument: files an uploaded file under its owner's case and scan key. */
  async attach(input: AttachDocumentInput): Promise<Document> {
    const data = validate(attachSchema, { ...input, idempotencyKey: undefined });
    const owner = await this.owner(data.claimId, data.visitId, data.caseId);
    assertMayAttach(this.principal, owner);
    const type = await this.em.findOne(DocumentType, { code: data.documentType.toUpperCase(), active: true });
    if (!type)
      throw new DomainError(
        DocumentErrorCode.UNKNOWN_DOCUMENT_TYPE,
        `No active document type ${data.documentType}; see documentTypes.`,
        ["documentType"],
      );
    // Through the scope (the uploader's organisation, or staff), and FOR SHARE until the
    // document commits: the orphan-file sweep skips a locked file (as for reports).
    const file = await this.em.findOne(StoredFile, { id: data.fileId }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!file) throw new NotFoundError("StoredFile", ["fileId"]);
    const kase = await this.caseOf(owner);
    const actor = actorOf(this.principal);
    const doc = this.em.create(Document, {
      documentType: type,
      file,
      case: kase,
      claim: owner.kind === "claim" ? owner.claim : null,
      visit: owner.kind === "visit" ? owner.visit : null,
      scanKey: kase.scanKey,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      note: data.note || null,
      attachedByOrganizationId: actor.organizationId,
      attachedByKind: actor.actorKind,
    });
    recordAudit(this.em, this.principal, this.requestId, {
      action: "document.attach",
      entityType: "Document",
      entityId: doc.id,
      changes: { documentType: type.code, owner: owner.kind, scanKey: kase.scanKey, fileId: file.id },
    });
    await this.em.flush();
    return doc;
  }

  async createType(input: CreateDocumentTypeInput): Promise<DocumentType> {
    const data = validate(typeSchema, input);
    const type = this.em.create(DocumentType, {
      code: data.code,
      name: data.name,
      description: data.description ?? null,
      requiredForClaimKinds: [...new Set(data.requiredForClaimKinds ?? [])],
      position: data.position ?? 0,
    });
    this.auditType("documentType.create", type, Object.keys(data));
    await this.em.flush();
    return type;
  }

  async updateType(input: UpdateDocumentTypeInput): Promise<DocumentType> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(typePatchSchema, rest);
    const type = await this.em.findOne(DocumentType, { id });
    if (!type) throw new NotFoundError("DocumentType");
    checkVersion(type.version, expectedVersion);
    if (data.name) type.name = data.name;
    if (data.description != null) type.description = data.description || null;
    if (data.requiredForClaimKinds) type.requiredForClaimKinds = [...new Set(data.requiredForClaimKinds)];
    if (data.active != null) type.active = data.active;
    if (data.position != null) type.position = data.position;
    this.auditType(
      "documentType.update",
      type,
      Object.keys(rest).filter((k) => rest[k as keyof typeof rest] != null),
    );
    await this.em.flush();
    return type;
  }

  /** Exactly one owner, read through the caller's scope: a foreign one answers like a missing one. */
  private async owner(
    claimId?: string | null,
    visitId?: string | null,
    caseId?: string | null,
  ): Promise<DocumentOwner> {
    if ([claimId, visitId, caseId].filter(Boolean).length !== 1)
      throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "Name exactly one of claimId, visitId or caseId.", [
        "claimId",
      ]);
    if (claimId) {
      const claim = await this.em.findOne(Claim, { id: claimId });
      if (!claim) throw new NotFoundError("Claim", ["claimId"]);
      return { kind: "claim", claim };
    }
    if (visitId) {
      const visit = await this.em.findOne(Visit, { id: visitId });
      if (!visit) throw new NotFoundError("Visit", ["visitId"]);
      return { kind: "visit", visit };
    }
    const kase = await this.em.findOne(Case, { id: caseId! });
    if (!kase) throw new NotFoundError("Case", ["caseId"]);
    return { kind: "case", kase };
  }

  /** The case the document is filed under; the owner is visible, so its case is read unscoped. */
  private async caseOf(owner: DocumentOwner): Promise<Case> {
    if (owner.kind === "case") return owner.kase;
    const caseId = refId(owner.kind === "claim" ? owner.claim.case : owner.visit.case);
    if (!caseId)
      throw new DomainError(DocumentErrorCode.VISIT_WITHOUT_CASE, "This visit has no case to file documents under.", [
        "visitId",
      ]);
    return this.em.findOneOrFail(Case, { id: caseId }, UNSCOPED);
  }

  private auditType(action: string, type: DocumentType, fields: string[]): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: "DocumentType",
      entityId: type.id,
      changes: { code: type.code, fields },
    });
  }
}
