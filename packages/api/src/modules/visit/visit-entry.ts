import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { fieldCipher, maskTail } from "../../platform/crypto/field-encryption.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Liability, Policy, PolicyMember } from "../policy/policy.entity.js";
import { normalizeBankAccount, normalizeDiagnosisCodes } from "./bank-account.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
import type { VisitEntryChange } from "./visit-entry.entity.js";
import { LiabilityLinksMode } from "./visit.enums.js";
import type { SaveVisitFindingsInput } from "./visit.inputs.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { PolicyErrorCode } from "../policy/policy.errors.js";
import { VisitErrorCode } from "./visit.errors.js";

const findingsSchema = z.object({
  admissionDate: rules.localDate.nullish(),
  ward: rules.text(100).nullish(),
  bed: rules.text(50).nullish(),
  diagnosisCodes: z.array(z.string()).max(20, "at most 20 codes").nullish(),
  investigationResult: rules.text(10_000).nullish(),
});

/** A field's value as the entry history keeps it: one string per item, none when unset. */
function valueOf(value: string | string[] | null | undefined): string[] {
  if (value == null || value === "") return [];
  return Array.isArray(value) ? [...value] : [value];
}

function sameValue(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The visit's liability links as people read them: "policy number · liability code", sorted. */
async function linkLabels(em: EntityManager, visitId: string): Promise<string[]> {
  const links = await em.find(VisitLiabilityLink, { visit: visitId }, { populate: ["policy", "liability"] });
  return links.map((l) => `${l.policy.number} · ${l.liability.code}`).sort();
}

const maskedAccount = (encrypted: string | null | undefined) =>
  encrypted ? valueOf(maskTail(fieldCipher().decrypt(encrypted))) : [];

/**
 * 探访信息录入: applies findings, liability links and the bank account to a visit the
 * caller has already been allowed to edit (the machine checked state and assignee).
 * Returns each field that changed with its value before and after (the bank account
 * masked), for the visit's entry history and the audit row; a field sent with its
 * current value is not a change.
 */
export async function applyVisitEntry(
  em: EntityManager,
  visit: Visit,
  input: Pick<SaveVisitFindingsInput, "findings" | "liabilityLinks" | "bankAccount">,
): Promise<VisitEntryChange[]> {
  const changes: VisitEntryChange[] = [];
  const note = (field: string, before: string[], after: string[]) => {
    if (!sameValue(before, after)) changes.push({ field, before, after });
  };
  if (input.findings) {
    const f = validate(findingsSchema, input.findings);
    if (f.admissionDate != null) {
      note("admissionDate", valueOf(visit.admissionDate), valueOf(f.admissionDate));
      visit.admissionDate = f.admissionDate;
    }
    if (f.ward != null) {
      note("ward", valueOf(visit.ward), valueOf(f.ward));
      visit.ward = f.ward;
    }
    if (f.bed != null) {
      note("bed", valueOf(visit.bed), valueOf(f.bed));
      visit.bed = f.bed;
    }
    if (f.diagnosisCodes != null) {
      const codes = normalizeDiagnosisCodes(f.diagnosisCodes);
      note("diagnosisCodes", valueOf(visit.diagnosisCodes), codes);
      visit.diagnosisCodes = codes;
    }
    if (f.investigationResult != null) {
      note("investigationResult", valueOf(visit.investigationResult), valueOf(f.investigationResult));
      visit.investigationResult = f.investigationResult;
    }
  }
  if (input.bankAccount) {
    const number = normalizeBankAccount(input.bankAccount.scheme, input.bankAccount.number);
    const before = maskedAccount(visit.bankAccountEnc);
    const unchanged = visit.bankAccountEnc != null && fieldCipher().decrypt(visit.bankAccountEnc) === number;
    if (!unchanged) {
      visit.bankAccountEnc = fieldCipher().encrypt(number);
      // the same last four digits still read as a change: the number itself changed
      changes.push({ field: "bankAccount", before, after: valueOf(maskTail(number)) });
    }
    visit.bankAccountScheme = input.bankAccount.scheme;
  }
  if (input.liabilityLinks) {
    const before = await linkLabels(em, visit.id);
    await setLiabilityLinks(em, visit, input.liabilityLinks.mode, input.liabilityLinks.links);
    await em.flush();
    note("liabilityLinks", before, await linkLabels(em, visit.id));
  }
  return changes;
}

/**
 * 关联个险/团险保单 → 添加分案: every link must name a policy the patient is a member of
 * and a liability of that same policy; anything else is refused, never silently dropped.
 */
async function setLiabilityLinks(
  em: EntityManager,
  visit: Visit,
  mode: LiabilityLinksMode,
  links: { policyId: string; liabilityId: string }[],
): Promise<void> {
  if (links.length > 50)
    throw new DomainError(VisitErrorCode.TOO_MANY_LINKS, "At most 50 liability links.", ["liabilityLinks", "links"]);
  const patientId = refId(visit.patient)!;
  const policyIds = [...new Set(links.map((l) => l.policyId))];
  const liabilityIds = [...new Set(links.map((l) => l.liabilityId))];
  const uuid = z.uuid();
  links.forEach((l, i) => {
    if (!uuid.safeParse(l.policyId).success || !uuid.safeParse(l.liabilityId).success)
      throw new DomainError(PlatformErrorCode.NOT_FOUND, "Policy or liability not found.", [
        "liabilityLinks",
        "links",
        String(i),
      ]);
  });
  const [memberships, liabilities] = await Promise.all([
    em.find(PolicyMember, { patient: patientId, policy: { $in: policyIds } }),
    em.find(Liability, { id: { $in: liabilityIds } }),
  ]);
  const heldPolicies = new Set(memberships.map((m) => refId(m.policy)));
  const liabilityPolicy = new Map(liabilities.map((l) => [l.id, refId(l.policy)]));
  links.forEach((l, i) => {
    const path = ["liabilityLinks", "links", String(i)];
    if (!heldPolicies.has(l.policyId))
      throw new DomainError(PolicyErrorCode.POLICY_NOT_HELD_BY_PATIENT, "The patient is not a member of this policy.", [
        ...path,
        "policyId",
      ]);
    const owner = liabilityPolicy.get(l.liabilityId);
    if (!owner) throw new DomainError(PlatformErrorCode.NOT_FOUND, "Liability not found.", [...path, "liabilityId"]);
    if (owner !== l.policyId)
      throw new DomainError(PolicyErrorCode.LIABILITY_NOT_IN_POLICY, "This liability belongs to another policy.", [
        ...path,
        "liabilityId",
      ]);
  });
  const existing = await em.find(VisitLiabilityLink, { visit: visit.id });
  const have = new Set(existing.map((e) => refId(e.liability)));
  const want = new Set(liabilityIds);
  if (mode === LiabilityLinksMode.REPLACE) {
    for (const e of existing) if (!want.has(refId(e.liability)!)) em.remove(e);
  }
  for (const l of links) {
    if (have.has(l.liabilityId)) continue;
    have.add(l.liabilityId);
    em.persist(
      em.create(VisitLiabilityLink, {
        visit,
        policy: em.getReference(Policy, l.policyId),
        liability: em.getReference(Liability, l.liabilityId),
      }),
    );
  }
}
