import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode } from "graphql";
import type { AppContext } from "./context.js";
import { findOverlongInput } from "./input-limits.js";
import { LIST_COST, listAwareCost } from "./list-cost.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

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
    // Counted by graphql-js's own parser instead (parseOptions in apollo.ts): armor's token
    // check throws from parsingDidStart, which Apollo answers as a 500 fault.
    maxTokens: { enabled: false },
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

/** The code every over-limit query answers with (HTTP 400), whichever limit it hit. */
export const QUERY_TOO_COMPLEX = TopLevelErrorCode.QUERY_TOO_COMPLEX;

// graphql-armor reports every limit as "Syntax Error: <limit> …" with a generic code.
const ARMOR_LIMIT =
  /^Syntax Error: (Query Cost limit|Query depth limit|Aliases limit|Token limit|Directives limit|Document contains more th(at|an) \d+ tokens)/i;

/** True for graphql-armor's rejection of a query over one of LIMITS. */
export function isArmorLimitError(message: string): boolean {
  return ARMOR_LIMIT.test(message);
}

/**
 * The checks that need the variables, so run once the operation is resolved and before
 * execution: the length caps of free text (input-limits.ts) and the list-aware cost
 * (list-cost.ts). Both answer 400 with a stable code, never a 500.
 */
export function requestLimitsPlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const variables = request.variables ?? undefined;
          const overlong = findOverlongInput(schema, document, variables);
          if (overlong)
            throw new GraphQLError(
              `${overlong.path} is at most ${overlong.limit} characters (got ${overlong.length}).`,
              {
                extensions: {
                  code: TopLevelErrorCode.BAD_USER_INPUT,
                  field: overlong.path.split("."),
                  maxLength: overlong.limit,
                  http: { status: 400 },
                },
              },
            );
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const cost = listAwareCost(schema, operation, fragments, variables);
          if (cost > LIST_COST.maxCost)
            throw new GraphQLError(
              `Query cost ${cost} is over the limit of ${LIST_COST.maxCost}: ask for smaller pages (first) or fewer nested lists.`,
              { extensions: { code: QUERY_TOO_COMPLEX, cost, maxCost: LIST_COST.maxCost, http: { status: 400 } } },
            );
        },
      };
    },
  };
}
