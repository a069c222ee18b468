import type { ApolloServerPlugin } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { Logger } from "pino";
import type { AppContext } from "../graphql/context.js";
import { isStatementCancelled, queryTimeoutError } from "../graphql/query-timeout.js";
import { runCompiled } from "./execute.js";
import { NotCompiled } from "./selection.js";

export const READ_PATH_HEADER = "x-read-path";

/**
 * The compiled read path (issue 17): a query whose every field the modules compiled is
 * answered by one SQL statement before graphql-js executes anything; any other query, and
 * any query the compiled path cannot finish (an error to report, a null where the schema
 * promises a value), runs through the resolvers as before, which report it as they always did.
 * Runs after authentication, the rate limit, the depth/cost limits and the key's scope check.
 */
export function compiledReadPlugin(logger: Logger): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, operation, schema, document, request }) {
          // No operation: the document names several and the request none; graphql-js answers
          // OPERATION_RESOLUTION_FAILURE (HTTP 400) on the normal path.
          if (operation?.operation !== "query" || process.env.READ_COMPILER === "off") return null;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])),
          );
          try {
            const data = await runCompiled({
              principal: contextValue.principal,
              em: contextValue.em,
              schema,
              operation,
              fragments,
              variables: request.variables,
              readAudit: contextValue.readAudit,
            });
            // Says which path answered (tests, benchmarks, support); never anything about the data.
            const headers = new HeaderMap([[READ_PATH_HEADER, "compiled"]]);
            return { http: { status: undefined, headers }, body: { kind: "single", singleResult: { data } } };
          } catch (err) {
            if (isStatementCancelled(err)) {
              // The resolvers would run the same reads into the same timeout: answer as they
              // would (QUERY_TIMEOUT, HTTP 200) instead of making the caller wait twice.
              logger.warn({ err: (err as Error).message }, "statement timeout");
              const first = operation.selectionSet.selections.find((s) => s.kind === "Field");
              const path = first ? [first.alias?.value ?? first.name.value] : undefined;
              return {
                http: { status: undefined, headers: new HeaderMap() },
                body: { kind: "single", singleResult: { data: null, errors: [queryTimeoutError(path)] } },
              };
            }
            if (!(err instanceof NotCompiled))
              logger.debug({ err: (err as Error).message }, "compiled read failed; the resolvers answer");
            return null;
          }
        },
      };
    },
  };
}
