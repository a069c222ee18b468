import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { allResolvers } from "../../modules/registry.js";
import { AuthChecker } from "../auth/auth-checker.js";

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process from the resolvers of every module. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: allResolvers,
    authChecker: AuthChecker,
    authMode: "error",
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
