import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { Liability, Policy, PolicyMember } from "../policy/policy.entity.js";
import { normalizeBankAccount, normalizeDiagnosisCodes } from "./bank-account.js";
import { Visit, VisitLiabilityLink } from "./visit.entity.js";
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

/**
 * 探访信息录入: applies findings, liability links and the bank account to a visit the
 * caller has already been allowed to edit (the machine checked state and assignee).
 * Returns the names of what changed, for the audit row.
 */
export async function applyVisitEntry(
  em: EntityManager,
  visit: Visit,
  input: Pick<SaveVisitFindingsInput, "findings" | "liabilityLinks" | "bankAccount">,
): Promise<string[]> {
  const changed: string[] = [];
  if (input.findings) {
    const f = validate(findingsSchema, input.findings);
    if (f.admissionDate != null) visit.admissionDate = f.admissionDate;
    if (f.ward != null) visit.ward = f.ward;
    if (f.bed != null) visit.bed = f.bed;
    if (f.investigationResult != null) visit.investigationResult = f.investigationResult;
    if (f.diagnosisCodes != null) visit.diagnosisCodes = normalizeDiagnosisCodes(f.diagnosisCodes);
    changed.push(...Object.keys(f).filter((k) => f[k as keyof typeof f] != null));
  }
  if (input.bankAccount) {
    const number = normalizeBankAccount(input.bankAccount.scheme, input.bankAccount.number);
    visit.bankAccountEnc = fieldCipher().encrypt(number);
    visit.bankAccountScheme = input.bankAccount.scheme;
    changed.push("bankAccount");
  }
  if (input.liabilityLinks) {
    await setLiabilityLinks(em, visit, input.liabilityLinks.mode, input.liabilityLinks.links);
    changed.push("liabilityLinks");
  }
  return changed;
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
