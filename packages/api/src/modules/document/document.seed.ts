import { writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { refId } from "../../platform/graphql/loaders.js";
import { Claim } from "../claim/claim.entity.js";
import { ClaimKind, ClaimStatus } from "../claim/claim.enums.js";
import { Case } from "../case/case.entity.js";
import { StoredFile } from "../order/stored-file.entity.js";
import { storageFor } from "../order/files/file-storage.js";
import { Visit } from "../visit/visit.entity.js";
import { VisitKind } from "../visit/visit.enums.js";
import { DocumentType } from "./document-type.entity.js";
import { Document } from "./document.entity.js";

/**
 * The demo checklists (the migration brings the list with no requirements): every claim
 * needs its signed form and the invoice, an inpatient one the discharge report too
 * (docs/partners.md's intake example relies on the outpatient list).
 */
export const DEMO_REQUIREMENTS: Record<string, ClaimKind[]> = {
  CLAIM_FORM: [ClaimKind.OUTPATIENT, ClaimKind.INPATIENT, ClaimKind.GLOBAL],
  INVOICE: [ClaimKind.OUTPATIENT, ClaimKind.INPATIENT, ClaimKind.GLOBAL],
  MEDICAL_REPORT: [ClaimKind.INPATIENT],
};

/** A one-page PDF saying what it stands for, so the console's preview shows something readable. */
export function demoPdf(title: string, line: string): Buffer {
  const text = `BT /F1 18 Tf 60 760 Td (${title}) Tj 0 -28 Td /F1 12 Tf (${line}) Tj ET`;
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    `<</Length ${text.length}>>stream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${o}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

interface DemoFiler {
  em: EntityManager;
  storageDir: string;
  types: Map<string, DocumentType>;
}

async function file(
  f: DemoFiler,
  kase: Case,
  code: string,
  owner: { claim?: Claim; visit?: Visit },
  orgId: string | null,
) {
  const type = f.types.get(code)!;
  const bytes = demoPdf(`${type.name} - ${kase.number}`, `Scan key ${kase.scanKey}`);
  const storage = storageFor(f.storageDir);
  const temp = await storage.tempPath();
  await writeFile(temp, bytes);
  const key = await storage.adopt(temp);
  const fileName = `${code.toLowerCase()}.pdf`;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const stored = f.em.create(StoredFile, {
    fileName,
    contentType: "application/pdf",
    size: bytes.length,
    sha256,
    storageKey: key,
    uploadedByOrganizationId: orgId,
    uploadedByKind: "PARTNER",
  });
  f.em.create(Document, {
    documentType: type,
    file: stored,
    case: kase,
    claim: owner.claim ?? null,
    visit: owner.visit ?? null,
    scanKey: kase.scanKey,
    fileName,
    contentType: "application/pdf",
    size: bytes.length,
    sha256,
    attachedByOrganizationId: orgId,
    attachedByKind: "PARTNER",
  });
}

/**
 * Sets the demo checklists and, when the seed has a file store, files the documents a
 * submitted claim must have had (so the review shows them), an invoice on the first draft
 * claims (their checklists still miss the rest), and the visitor's photos on the field
 * visits under review.
 */
export async function seedDocuments(em: EntityManager, storageDir: string | undefined): Promise<void> {
  const types = new Map((await em.find(DocumentType, {})).map((t) => [t.code, t]));
  for (const [code, kinds] of Object.entries(DEMO_REQUIREMENTS)) {
    const type = types.get(code);
    if (type) type.requiredForClaimKinds = kinds;
  }
  await em.flush();
  if (!storageDir) return;
  const f: DemoFiler = { em, storageDir, types };
  const claims = await em.find(Claim, { status: { $nin: [ClaimStatus.CANCELLED] } }, { orderBy: { createdAt: "ASC" } });
  let drafts = 0;
  for (const claim of claims) {
    const kase = await em.findOneOrFail(Case, { id: refId(claim.case)! });
    const org = refId(claim.registeredBy);
    if (claim.status === ClaimStatus.DRAFT) {
      if (drafts++ < 3) await file(f, kase, "INVOICE", { claim }, org);
      continue;
    }
    for (const [code, kinds] of Object.entries(DEMO_REQUIREMENTS))
      if (kinds.includes(claim.kind)) await file(f, kase, code, { claim }, org);
  }
  const visits = await em.find(
    Visit,
    { kind: VisitKind.FIELD_VISIT, case: { $ne: null } },
    { limit: 4, orderBy: { createdAt: "ASC" } },
  );
  for (const visit of visits) {
    const kase = await em.findOneOrFail(Case, { id: refId(visit.case)! });
    await file(f, kase, "PHOTO", { visit }, refId(visit.site));
  }
  await em.flush();
}
