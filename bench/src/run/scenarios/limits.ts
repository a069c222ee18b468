import { KEYED_LABS, labApiKey } from "../../shared/credentials.js";
import { gqlRaw } from "../graphql.js";
import type { LoadRequest } from "../load.js";

/**
 * Scenario 8: the most expensive read a partner key may send, at the limits the API
 * checks before any resolver runs (platform/graphql/limits.ts and list-cost.ts): a page of
 * MAX_PAGE_SIZE (100) orders, ten levels deep (maxDepth 10: orders › edges › node › case ›
 * orders › case › patient › registeredBy › branch › name), the order's fields with its
 * provider, reports and their files, last change, rejection and case, and the case's orders
 * with their case, patient, registering organisation and its branch. Its list-aware cost is
 * 24,801 of LIST_COST.maxCost 25,000 (1 + 100 × 248 per row; a list without `first` counts
 * 10 rows); graphql-armor's compounding cost (~890 of 20,000) and the aliases (15) are not
 * what binds. `checkAtLimits` proves it by sending the query one level deeper and a little
 * costlier, which the API must refuse (QUERY_TOO_COMPLEX).
 */
export const LIMITS_QUERY = (deeper = "") => `query PartnerAtLimits($n: Int) {
  orders(first: $n) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id number status kind specialty requestedCodes confirmBy dueAt amount currency overdue
        availableTransitions createdAt updatedAt version
        provider { id name }
        reports { id kind createdAt file { id fileName contentType size } }
        lastStatusChange { toStatus event createdAt }
        rejection { code text }
        case {
          id number scanKey status kind incidentDate
          patient { id firstName lastName }
          hospital { id name }
          orders { id status case { id patient { id registeredBy { id name branch { id name }${deeper} } } } }
        }
      }
    }
  }
}`;

/** The page size of the query: MAX_PAGE_SIZE. */
const PAGE = 100;

/** The query's page: every keyed lab's first page of 100, round robin with its own key. */
export function limitsRequests(): LoadRequest[] {
  return Array.from({ length: KEYED_LABS }, (_, i) => ({
    body: JSON.stringify({ query: LIMITS_QUERY(), variables: { n: PAGE } }),
    headers: { authorization: `Bearer ${labApiKey(i)}` },
  }));
}

/**
 * The query is accepted, and it is at the limits: one more level (the registering
 * organisation's visitors' branches) is refused for depth, and the same query asking for its
 * case's orders' reports too is refused for cost. Returns the path that answered (compiled or not).
 */
export async function checkAtLimits(apiUrl: string): Promise<{ readPath: string; bytes: number }> {
  const key = labApiKey(0);
  const ok = await gqlRaw(apiUrl, LIMITS_QUERY(), { n: PAGE }, key);
  if (ok.status !== 200 || ok.body.includes('"errors"'))
    throw new Error(`scenario 8: the at-the-limits query was refused: ${ok.body.slice(0, 300)}`);
  const deeper = await gqlRaw(apiUrl, LIMITS_QUERY(" visitors { branches { id } }"), { n: PAGE }, key);
  if (!/QUERY_TOO_COMPLEX/.test(deeper.body) || !/depth/i.test(deeper.body))
    throw new Error(`scenario 8: one level deeper was not refused: ${deeper.body.slice(0, 300)}`);
  const wider = await gqlRaw(
    apiUrl,
    LIMITS_QUERY().replace("orders { id status", "orders { id status reports { id kind createdAt }"),
    { n: PAGE },
    key,
  );
  if (!/QUERY_TOO_COMPLEX/.test(wider.body) || !/cost/i.test(wider.body))
    throw new Error(`scenario 8: a costlier selection was not refused: ${wider.body.slice(0, 300)}`);
  return { readPath: ok.readPath ?? "resolvers", bytes: ok.body.length };
}
