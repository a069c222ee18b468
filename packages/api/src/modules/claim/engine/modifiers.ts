import { ClaimEngineError, ClaimEngineErrorCode } from "./claim-engine.error.js";
import type { ClaimLineModifierInput } from "./claim-engine.types.js";

export interface ClaimModifierDefinition {
  /** Multiplier on the discounted line amount, a decimal string. */
  factor: string;
  description: string;
}

/**
 * The modifiers a claim line may carry, keyed by code. A client names a code; the factor
 * comes from here, so nobody prices a line by sending "factor: 1000". Adding a modifier is
 * a code change reviewed like any other tariff rule, which keeps the engine deterministic:
 * the resolved factor is stored on the line and recomputation reads it back.
 */
export const CLAIM_MODIFIERS: Readonly<Record<string, ClaimModifierDefinition>> = Object.freeze({
  AH: { factor: "1.5", description: "After hours (evenings, weekends, public holidays)" },
  EM: { factor: "1.25", description: "Emergency treatment" },
  BL: { factor: "1.5", description: "Bilateral procedure" },
  AS: { factor: "0.2", description: "Assistant surgeon" },
  RS: { factor: "0.5", description: "Reduced service" },
  PD: { factor: "1.2", description: "Paediatric patient under 6" },
});

/**
 * The range every modifier factor must lie in, configured with the list: a factor outside
 * it (a typo such as "0.001", which turns a 45,000 line into 45) is refused wherever it
 * comes from, by the engine (INVALID_FACTOR on the factor's path).
 */
export const MODIFIER_FACTOR_RANGE = Object.freeze({ min: "0.1", max: "5" });

/** Code → { code, factor } from the configured list; an unknown code is the caller's to fix. */
export function resolveModifiers(codes: readonly string[], path: (j: number) => string[]): ClaimLineModifierInput[] {
  return codes.map((raw, j) => {
    const code = raw.trim().toUpperCase();
    const known = Object.prototype.hasOwnProperty.call(CLAIM_MODIFIERS, code) ? CLAIM_MODIFIERS[code] : undefined;
    if (!known)
      throw new ClaimEngineError(
        ClaimEngineErrorCode.UNKNOWN_MODIFIER,
        `Modifier "${raw.slice(0, 20)}" is not configured; known: ${Object.keys(CLAIM_MODIFIERS).join(", ")}.`,
        path(j),
      );
    return { code, factor: known.factor };
  });
}
