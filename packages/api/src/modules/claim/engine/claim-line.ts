import { ClaimEngineError, ClaimEngineErrorCode } from "./claim-engine.error.js";
import type { ClaimLineInput } from "./claim-engine.types.js";
import { currencyMinorDigits, Dec, formatMoney, parseNonNegativeMoney, roundToMinor } from "./money.js";
import { MODIFIER_FACTOR_RANGE } from "./modifiers.js";

// Factors are rates like "1.5" or "0.8333"; the bounds keep products exact within Dec's precision.
const FACTOR_PATTERN = /^\d{1,6}(?:\.\d{1,8})?$/;

export interface LineAmounts {
  computed: Dec;
  allowed: Dec;
}

/**
 * One line's computed and allowed amounts. Rounding happens once, after all
 * modifiers, so the order of modifiers never changes the result.
 */
export function computeLineAmounts(line: ClaimLineInput, index: number, currency: string): LineAmounts {
  const at = (field: string) => ["lines", String(index), field];

  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.INVALID_QUANTITY,
      `Quantity must be a positive whole number, got ${String(line.quantity)}.`,
      at("quantity"),
    );
  }
  const unitPrice = parseNonNegativeMoney(line.unitPrice, currency, at("unitPrice"));
  const discount = parseNonNegativeMoney(line.discount ?? "0", currency, at("discount"));

  const base = unitPrice.times(line.quantity);
  if (discount.greaterThan(base)) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.NEGATIVE_LINE,
      `Discount ${discount.toFixed()} is larger than the line amount ${base.toFixed()}.`,
      at("discount"),
    );
  }

  if (line.maxDiscountRate !== undefined) {
    const rate = new Dec(line.maxDiscountRate);
    // Rounded down to the minor unit: the range named in the message is one the caller can send.
    const ceiling = base.times(rate).toDecimalPlaces(currencyMinorDigits(currency), Dec.ROUND_DOWN);
    if (discount.greaterThan(ceiling)) {
      throw new ClaimEngineError(
        ClaimEngineErrorCode.DISCOUNT_OUT_OF_RANGE,
        `Discount ${formatMoney(discount, currency)} is outside the allowed range for ${line.serviceCode}: ` +
          `0..${formatMoney(ceiling, currency)} ${currency} (at most ${rate.times(100).toDecimalPlaces(2).toFixed()} % ` +
          `of quantity × unit price ${formatMoney(base, currency)}).`,
        at("discount"),
      );
    }
  }

  let amount = base.minus(discount);
  (line.modifiers ?? []).forEach((modifier, modifierIndex) => {
    if (typeof modifier.factor !== "string" || !FACTOR_PATTERN.test(modifier.factor)) {
      throw new ClaimEngineError(
        ClaimEngineErrorCode.INVALID_FACTOR,
        `Modifier ${modifier.code} factor "${String(modifier.factor)}" must be a non-negative decimal such as "1.5".`,
        ["lines", String(index), "modifiers", String(modifierIndex), "factor"],
      );
    }
    const factor = new Dec(modifier.factor);
    if (factor.lessThan(MODIFIER_FACTOR_RANGE.min) || factor.greaterThan(MODIFIER_FACTOR_RANGE.max)) {
      throw new ClaimEngineError(
        ClaimEngineErrorCode.INVALID_FACTOR,
        `Modifier ${modifier.code} factor "${modifier.factor}" is outside the configured range ${MODIFIER_FACTOR_RANGE.min}..${MODIFIER_FACTOR_RANGE.max}.`,
        ["lines", String(index), "modifiers", String(modifierIndex), "factor"],
      );
    }
    amount = amount.times(factor);
  });
  const computed = roundToMinor(amount, currency);

  if (line.approvedAmount === undefined) return { computed, allowed: computed };

  const approved = parseNonNegativeMoney(line.approvedAmount, currency, at("approvedAmount"));
  if (approved.greaterThan(computed)) {
    throw new ClaimEngineError(
      ClaimEngineErrorCode.APPROVED_ABOVE_COMPUTED,
      `Approved amount ${line.approvedAmount} exceeds the computed line amount ${computed.toFixed()}.`,
      at("approvedAmount"),
    );
  }
  return { computed, allowed: approved };
}
