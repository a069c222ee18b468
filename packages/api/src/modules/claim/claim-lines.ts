import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import { ClaimLine } from "./claim-line.entity.js";
import type { Claim } from "./claim.entity.js";
import type { ClaimLineDataInput } from "./claim.inputs.js";
import { money } from "./engine/index.js";
import { codeKey, findServiceCodes } from "../eligibility/eligibility.service.js";
import { applyTotals, claimContext } from "./claim-recompute.js";
import { calculateClaim } from "./claim-calculation.js";
import { resolveModifiers, type ClaimLineInput } from "./engine/index.js";
import { schedulePrice } from "./claim-line-price.js";
import { ClaimErrorCode } from "./claim.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { ServiceCodeErrorCode } from "../service-code/service-code.errors.js";

export const MAX_LINES = 200;

const trimmed = (s: string | null | undefined) => (s ?? "").trim();

export interface LineDraft {
  data: Pick<
    ClaimLine,
    | "position"
    | "serviceSystem"
    | "serviceCode"
    | "description"
    | "quantity"
    | "currency"
    | "modifiers"
    | "approvedAmount"
    | "adjustmentReason"
    | "scheduleUnitPrice"
    | "priceAboveSchedule"
    | "priceOverrideReason"
  >;
  engine: ClaimLineInput;
}

/**
 * Checks and prices line input without creating rows: the service code must exist and be
 * active, the unit price defaults to the fee schedule's fee (in the claim's currency) and
 * goes above it only with a reason, modifiers are codes of the configured list.
 * The raw amount strings go to the engine, which refuses "1e309" or 3 decimals in EUR.
 */
export async function draftLines(
  em: EntityManager,
  currency: string,
  inputs: readonly ClaimLineDataInput[],
): Promise<LineDraft[]> {
  if (inputs.length > MAX_LINES) {
    throw new DomainError(ClaimErrorCode.TOO_MANY_LINES, `A claim has at most ${MAX_LINES} lines.`, ["lines"]);
  }
  const refs = inputs.map((l) => ({ system: trimmed(l.system).toUpperCase(), code: trimmed(l.code).toUpperCase() }));
  const codes = await findServiceCodes(em, refs);
  return inputs.map((input, i) => {
    const at = (field: string) => ["lines", String(i), field];
    const ref = refs[i]!;
    const sc = codes.get(codeKey(ref));
    if (!sc)
      throw new DomainError(
        ServiceCodeErrorCode.SERVICE_CODE_UNKNOWN,
        `${codeKey(ref)} is not in the fee schedule.`,
        at("code"),
      );
    if (!sc.active)
      throw new DomainError(
        ServiceCodeErrorCode.SERVICE_CODE_INACTIVE,
        `${codeKey(ref)} is no longer active.`,
        at("code"),
      );
    if (input.unitPrice == null && sc.currency !== currency) {
      throw new DomainError(
        ClaimErrorCode.FEE_CURRENCY_MISMATCH,
        `The fee of ${codeKey(ref)} is in ${sc.currency}, the claim in ${currency}; give unitPrice.`,
        at("unitPrice"),
      );
    }
    const description = trimmed(input.description) || sc.description;
    if (description.length > 500)
      throw new DomainError(
        PlatformErrorCode.VALIDATION_FAILED,
        "description: is at most 500 characters",
        at("description"),
      );
    const modifiers = resolveModifiers(
      (input.modifiers ?? []).map((m) => m.code),
      (j) => ["lines", String(i), "modifiers", String(j), "code"],
    );
    const price = schedulePrice(sc, currency, input, at);
    return {
      data: {
        position: i,
        serviceSystem: sc.system,
        serviceCode: sc.code,
        description,
        quantity: input.quantity,
        currency,
        modifiers,
        approvedAmount: null,
        adjustmentReason: null,
        ...price,
      },
      engine: {
        serviceCode: codeKey(ref),
        quantity: input.quantity,
        unitPrice: input.unitPrice ?? money(sc.fee, currency),
        discount: input.discount ?? "0",
        modifiers,
        ...(sc.maxDiscountRate == null ? {} : { maxDiscountRate: sc.maxDiscountRate }),
      },
    };
  });
}

/**
 * Replaces the claim's lines and recomputes. The engine runs on the raw input before any
 * row is written, so its errors (with paths ["lines", i, field]) leave the claim as it was.
 */
export async function replaceLines(
  em: EntityManager,
  claim: Claim,
  inputs: readonly ClaimLineDataInput[],
): Promise<void> {
  const drafts = await draftLines(em, claim.currency, inputs);
  const ctx = await claimContext(em, claim);
  const engineInputs = drafts.map((d) => d.engine);
  const totals = await calculateClaim(em, {
    policy: ctx.policy,
    liability: ctx.liability,
    serviceDate: ctx.kase.incidentDate,
    lines: engineInputs,
    claimId: claim.id,
  });
  for (const line of await em.find(ClaimLine, { claim })) em.remove(line);
  const cur = claim.currency;
  const lines = drafts.map((d) =>
    em.create(ClaimLine, {
      ...d.data,
      claim,
      unitPrice: money(d.engine.unitPrice, cur),
      discount: money(d.engine.discount, cur),
      amount: "0",
    }),
  );
  em.persist(lines);
  applyTotals(claim, lines, engineInputs, totals);
}
