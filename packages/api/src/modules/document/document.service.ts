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
import type {
  AttachDocumentInput,
  CreateDocumentTypeInput,
  RemoveDocumentInput,
  ReplaceDocumentInput,
  UpdateDocumentTypeInput,
} from "./document.inputs.js";
import { Patient } from "../patient/patient.entity.js";
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
    const { kase, scanKey } = await this.filing(owner);
    const actor = actorOf(this.principal);
    const doc = this.em.create(Document, {
      documentType: type,
      file,
      case: kase,
      claim: owner.kind === "claim" ? owner.claim : null,
      visit: owner.kind === "visit" ? owner.visit : null,
      scanKey,
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
      changes: { documentType: type.code, owner: owner.kind, scanKey, fileId: file.id },
    });
    await this.em.flush();
    return doc;
  }

  /**
   * removeDocument: whoever may file documents on its owner now (document.rules.ts) takes
   * one out, with a reason. The row and its file stay (readable by id, audited download).
   */
  async remove(input: RemoveDocumentInput, now = new Date()): Promise<Document> {
    const reason = validate(z.object({ reason: rules.text(500).min(1, "must not be empty") }), input).reason;
    const doc = await this.current(input.id);
    assertMayAttach(this.principal, await this.ownerOf(doc));
    doc.removedAt = now;
    doc.removalReason = reason;
    recordAudit(this.em, this.principal, this.requestId, {
      action: "document.remove",
      entityType: "Document",
      entityId: doc.id,
      changes: { reason, scanKey: doc.scanKey },
    });
    await this.em.flush();
    return doc;
  }

  /** replaceDocument: a new upload of the same type and owner; the old one is kept, pointing at it. */
  async replace(input: ReplaceDocumentInput, now = new Date()): Promise<Document> {
    const old = await this.current(input.id);
    const owner = await this.ownerOf(old);
    const type = await this.em.findOneOrFail(DocumentType, { id: refId(old.documentType)! });
    const next = await this.attach({
      fileId: input.fileId,
      documentType: type.code,
      claimId: owner.kind === "claim" ? owner.claim.id : null,
      visitId: owner.kind === "visit" ? owner.visit.id : null,
      caseId: owner.kind === "case" ? owner.kase.id : null,
      note: input.note ?? old.note ?? null,
      idempotencyKey: null,
    });
    next.replacesId = old.id;
    old.removedAt = now;
    old.removalReason = "REPLACED";
    old.replacedById = next.id;
    recordAudit(this.em, this.principal, this.requestId, {
      action: "document.replace",
      entityType: "Document",
      entityId: old.id,
      changes: { replacedBy: next.id, fileId: input.fileId },
    });
    await this.em.flush();
    return next;
  }

  /** A document the caller sees and that is still current (a removed one cannot be removed again). */
  private async current(id: string): Promise<Document> {
    const doc = await this.em.findOne(Document, { id });
    if (!doc) throw new NotFoundError("Document");
    if (doc.removedAt)
      throw new DomainError(DocumentErrorCode.DOCUMENT_REMOVED, "This document was already removed or replaced.", [
        "id",
      ]);
    return doc;
  }

  private ownerOf(doc: Document): Promise<DocumentOwner> {
    return this.owner(
      refId(doc.claim),
      refId(doc.claim) ? null : refId(doc.visit),
      refId(doc.claim) || refId(doc.visit) ? null : refId(doc.case),
    );
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

  /**
   * The case the document is filed under and its scan key; the owner is visible, so its
   * case is read unscoped. A visit without a case (an appointment) files under the scan key
   * its case would have: the patient's customer number and the visit's date.
   */
  private async filing(owner: DocumentOwner): Promise<{ kase: Case | null; scanKey: string }> {
    if (owner.kind === "case") return { kase: owner.kase, scanKey: owner.kase.scanKey };
    const caseId = refId(owner.kind === "claim" ? owner.claim.case : owner.visit.case);
    if (caseId) {
      const kase = await this.em.findOneOrFail(Case, { id: caseId }, UNSCOPED);
      return { kase, scanKey: kase.scanKey };
    }
    const visit = owner.kind === "visit" ? owner.visit : null;
    const patient = visit ? await this.em.findOne(Patient, { id: refId(visit.patient)! }, UNSCOPED) : null;
    if (!visit || !patient || !/^\d{8}$/.test(patient.customerNumber) || !visit.scheduledAt)
      throw new DomainError(
        DocumentErrorCode.VISIT_WITHOUT_CASE,
        "This visit has no case, and no customer number and date to file documents under.",
        ["visitId"],
      );
    return {
      kase: null,
      scanKey: `${patient.customerNumber}${visit.scheduledAt.toISOString().slice(0, 10).replaceAll("-", "")}`,
    };
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
