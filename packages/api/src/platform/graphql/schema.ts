import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import { useErrorCodes, type ErrorCodeSet } from "../errors/error-codes.js";
import { AuthChecker } from "../auth/auth-checker.js";
import { compilePayloadReads } from "../read-compiler/payload.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Resolvers = readonly Function[];
const cache = new WeakMap<Resolvers, Promise<GraphQLSchema>>();

/**
 * The executable schema of the root's resolvers, built once per process for one list.
 * `errorCodes`: every module's codes, which UserError.code's enum must hold before
 * type-graphql reads it.
 */
export function getSchema(resolvers: Resolvers, errorCodes: readonly ErrorCodeSet[]): Promise<GraphQLSchema> {
  let cached = cache.get(resolvers);
  if (cached) return cached;
  useErrorCodes(errorCodes);
  cached = buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: [...resolvers] as NonEmptyArray<Function>,
    authChecker: AuthChecker,
    authMode: "error",
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql leaves the root types undocumented; partners read these first.
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query) query.description = "Reads: single objects by id, Relay connections, and computed answers.";
    if (mutation) mutation.description = "Writes: each takes one `input` and returns a payload with `userErrors`.";
    compilePayloadReads(schema);
    return schema;
  });
  cache.set(resolvers, cached);
  return cached;
}
