import { ApolloArmor } from "@escape.tech/graphql-armor";

/**
 * Limits against abuse (SPEC §4), all checked while validating the document, before any
 * resolver (and so any SQL) runs. The numbers are the contract stated in the README.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 20000,
  maxDirectives: 20,
  maxBodyBytes: 1024 * 1024,
} as const;

export function armorProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases, allowList: [] },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives },
    costLimit: {
      maxCost: LIMITS.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
    },
    // Suggestions are stripped for anonymous callers only, by the plugin in apollo.ts.
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect();
}
