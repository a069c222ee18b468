import type { EntityManager } from "@mikro-orm/postgresql";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { Claim } from "./claim.entity.js";
import { formatMoney, parseMoney } from "./engine/index.js";
import { money } from "./engine/index.js";
import { linesOf } from "./claim-recompute.js";
import { ClaimErrorCode } from "./claim.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

export interface ApprovedLine {
  lineId: string;
  approvedAmount: string;
  reason: string;
}

/**
 * The reviewer lowers line amounts: each needs a reason, and the amount must lie between
 * zero and the line's computed amount. The caller recomputes the claim afterwards.
 */
export async function applyApprovedAmounts(
  em: EntityManager,
  claim: Claim,
  approved: readonly ApprovedLine[],
): Promise<void> {
  const lines = new Map((await linesOf(em, claim)).map((l) => [l.id, l]));
  approved.forEach((entry, i) => {
    const at = (field: string) => ["approvedLines", String(i), field];
    const line = lines.get(entry.lineId);
    if (!line) throw new DomainError(PlatformErrorCode.NOT_FOUND, "Claim line not found.", at("lineId"));
    if (!entry.reason?.trim()) {
      throw new DomainError(ClaimErrorCode.ADJUSTMENT_REASON_REQUIRED, "Say why the line is lowered.", at("reason"));
    }
    const amount = parseMoney(entry.approvedAmount, claim.currency, at("approvedAmount"));
    const computed = money(line.amount, claim.currency);
    if (amount.isNegative() || amount.greaterThan(computed)) {
      throw new DomainError(
        ClaimErrorCode.APPROVED_AMOUNT_OUT_OF_RANGE,
        `The approved amount must be between 0 and the line's computed amount ${computed}.`,
        at("approvedAmount"),
      );
    }
    line.approvedAmount = formatMoney(amount, claim.currency);
    line.adjustmentReason = entry.reason.trim();
  });
}
