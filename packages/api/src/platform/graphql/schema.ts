import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { allErrorCodeSets, allResolvers } from "../../modules/registry.js";
import { useErrorCodes } from "../errors/error-codes.js";
import { AuthChecker } from "../auth/auth-checker.js";

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the resolvers of every module. */
export function getSchema(): Promise<GraphQLSchema> {
  // UserError.code's enum holds every module's codes before type-graphql reads it.
  if (!cached) useErrorCodes(allErrorCodeSets);
  cached ??= buildSchema({
    resolvers: allResolvers,
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
    return schema;
  });
  return cached;
}
