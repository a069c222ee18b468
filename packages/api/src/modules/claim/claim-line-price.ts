import { Decimal } from "decimal.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import type { ServiceCode } from "../service-code/service-code.entity.js";
import type { ClaimLineDataInput } from "./claim.inputs.js";
import { money } from "./engine/index.js";
import { ClaimErrorCode } from "./claim.errors.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

const PLAIN_DECIMAL = /^\d{1,30}(\.\d{1,10})?$/;
const MAX_REASON = 500;

export interface LinePriceCheck {
  scheduleUnitPrice: string | null;
  priceAboveSchedule: boolean;
  priceOverrideReason: string | null;
}

/**
 * The fee schedule bounds what a partner bills: a unit price above the fee (or any price
 * when the fee is in another currency, where nothing compares) is taken only with an
 * explicit priceOverrideReason, and the line is flagged for the reviewer. Prices the
 * engine will refuse anyway ("1e309", "abc") are left to its precise error.
 */
export function schedulePrice(
  sc: ServiceCode,
  currency: string,
  input: ClaimLineDataInput,
  at: (field: string) => string[],
): LinePriceCheck {
  const reason = (input.priceOverrideReason ?? "").trim() || null;
  if (reason && reason.length > MAX_REASON)
    throw new DomainError(
      PlatformErrorCode.VALIDATION_FAILED,
      `priceOverrideReason: is at most ${MAX_REASON} characters`,
      at("priceOverrideReason"),
    );
  const comparable = sc.currency === currency;
  const scheduleUnitPrice = comparable ? money(sc.fee, currency) : null;
  const given = input.unitPrice?.trim();
  if (given == null || !PLAIN_DECIMAL.test(given))
    return { scheduleUnitPrice, priceAboveSchedule: false, priceOverrideReason: null };
  const above = !comparable || new Decimal(given).greaterThan(sc.fee);
  if (above && !reason)
    throw new DomainError(
      ClaimErrorCode.PRICE_ABOVE_SCHEDULE,
      comparable
        ? `Unit price ${given} is above the fee schedule's ${scheduleUnitPrice} ${currency}; give priceOverrideReason.`
        : `The fee schedule's fee is in ${sc.currency}, the claim in ${currency}; give priceOverrideReason with the unit price.`,
      at("unitPrice"),
    );
  return { scheduleUnitPrice, priceAboveSchedule: above, priceOverrideReason: above ? reason : null };
}
