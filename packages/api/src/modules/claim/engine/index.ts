export { computeClaimTotals } from "./claim-totals.js";
export { ClaimEngineError, ClaimEngineErrorCode } from "./claim-engine.error.js";
export {
  currencyMinorDigits,
  formatMoney,
  parseMoney,
  MAX_INTEGER_DIGITS,
  money,
  moneyOrNull,
  sumMoney,
  subtractMoney,
  compareMoney,
} from "./money.js";
export {
  AppliedCap,
  type ClaimLineInput,
  type ClaimLineModifierInput,
  type ClaimLineTotals,
  type ClaimPolicyContext,
  type ClaimTotals,
  type ClaimTotalsInput,
  type MoneyString,
} from "./claim-engine.types.js";
export { CLAIM_MODIFIERS, resolveModifiers, type ClaimModifierDefinition } from "./modifiers.js";
