import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { Guard } from "../../platform/state-machine/machine.js";
import type { Claim } from "../claim/claim.entity.js";
import { DocumentErrorCode } from "./document.errors.js";
import type { ErrorCode } from "../../platform/errors/error-codes.js";

/** One line of a claim's checklist: a required type and how many documents of it the claim has. */
export interface ChecklistLine {
  documentTypeId: string;
  code: string;
  name: string;
  documentCount: number;
}

/**
 * The checklists of claims, batched (one statement for any number of claims): for each
 * claim, every active document type that its kind requires, with the documents of that
 * type on the claim or on its case itself (an ID copy filed on the case serves every claim
 * of the case). Read without the caller's scope: the rule is about the claim, not the reader.
 */
export async function checklistsOf(
  em: EntityManager,
  claimIds: readonly string[],
): Promise<Map<string, ChecklistLine[]>> {
  const rows = await em
    .getConnection()
    .execute<{ claim_id: string; type_id: string; code: string; name: string; n: string | number }[]>(
      `select cl.id as claim_id, dt.id as type_id, dt.code, dt.name,
            (select count(*) from document d
              where d.document_type_id = dt.id and d.case_id = cl.case_id and d.removed_at is null
                and (d.claim_id = cl.id or (d.claim_id is null and d.visit_id is null))) as n
       from claim cl
       join document_type dt on dt.active and cl.kind::text = any(dt.required_for_claim_kinds)
      where cl.id = any(?::uuid[])
      order by dt.position, dt.code`,
      [`{${claimIds.join(",")}}`],
    );
  const out = new Map<string, ChecklistLine[]>(claimIds.map((id) => [id, []]));
  for (const r of rows)
    out.get(r.claim_id)?.push({ documentTypeId: r.type_id, code: r.code, name: r.name, documentCount: Number(r.n) });
  return out;
}

/** SUBMIT refused while required documents are missing; one userError per missing type. */
export class RequiredDocumentsMissingError extends DomainError {
  constructor(readonly missing: readonly ChecklistLine[]) {
    super(
      DocumentErrorCode.REQUIRED_DOCUMENT_MISSING,
      `Required documents missing: ${missing.map((m) => `${m.name} (${m.code})`).join(", ")}.`,
      ["documents", missing[0]?.code ?? ""],
    );
  }

  /** The userErrors of the payload: code REQUIRED_DOCUMENT_MISSING, field ["documents", <type code>]. */
  userErrors(): { code: ErrorCode; field: string[]; message: string }[] {
    return this.missing.map((m) => ({
      code: this.code,
      field: ["documents", m.code],
      message: `Required document missing: ${m.name} (${m.code}). Attach one with attachDocument before SUBMIT.`,
    }));
  }
}

/** The claim machine's SUBMIT guard: every document its kind requires is there. */
export const requiredDocumentsPresent: Guard<Claim> = {
  code: DocumentErrorCode.REQUIRED_DOCUMENT_MISSING,
  message: "A document the claim's kind requires is missing.",
  check: async ({ em, entity }) => {
    const lines = (await checklistsOf(em as EntityManager, [entity.id])).get(entity.id) ?? [];
    const missing = lines.filter((l) => l.documentCount === 0);
    if (missing.length > 0) throw new RequiredDocumentsMissingError(missing);
    return true;
  },
};
