import {
  defaultFieldResolver,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type { AppContext } from "../graphql/context.js";
import { readRecordCompiled } from "./execute.js";
import { NotCompiled } from "./selection.js";

/** Marks a value whose selection the compiled path already answered, keyed by response key. */
const COMPILED = Symbol("compiled read");

function markCompiled(value: unknown): void {
  if (Array.isArray(value)) for (const v of value) markCompiled(v);
  else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    Object.defineProperty(value, COMPILED, { value: true });
    for (const v of Object.values(value)) markCompiled(v);
  }
}

/**
 * Mutation payloads read back through the compiled path (issue 17): the write runs on the
 * ORM as before (state machine, unit of work, audit, outbox, version), and once it has
 * committed, the payload's record (`OrderPayload.order`, `ClaimPayload.claim`…) is read
 * again with the client's whole selection in one statement, as `order(id)` would read it.
 * Every field of the schema answers a compiled value from it by response key, so graphql-js
 * only walks the finished JSON. A selection the compiler does not serve, or a record the
 * re-read does not see, keeps the resolvers' answer. Installed once on the built schema.
 */
export function compilePayloadReads(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const isPayload = type.name.endsWith("Payload") && "userErrors" in type.getFields();
    for (const field of Object.values(type.getFields())) {
      const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
      const named = getNamedType(field.type);
      const resolve: GraphQLFieldResolver<unknown, AppContext> = field.resolve ?? defaultFieldResolver;
      const answered: GraphQLFieldResolver<unknown, AppContext> = (parent, args, ctx, info) =>
        parent !== null && typeof parent === "object" && COMPILED in parent
          ? (parent as Record<string, unknown>)[info.path.key as string]
          : resolve(parent, args, ctx, info);
      if (!isPayload || !isObjectType(named) || isListType(inner) || named.name === "UserError") {
        field.resolve = answered;
        continue;
      }
      field.resolve = async (parent, args, ctx, info) => {
        const value = (await resolve(parent, args, ctx, info)) as { id?: unknown } | null | undefined;
        if (value == null || typeof value.id !== "string" || process.env.READ_COMPILER === "off") return value;
        try {
          const read = await readRecordCompiled({
            principal: ctx.principal,
            em: ctx.em,
            schema: info.schema,
            type: named,
            nodes: info.fieldNodes,
            fragments: info.fragments,
            variables: info.variableValues,
            id: value.id,
            readAudit: ctx.readAudit,
          });
          if (read == null) return value;
          markCompiled(read);
          return read;
        } catch (err) {
          if (!(err instanceof NotCompiled))
            ctx.logger.debug({ err: (err as Error).message }, "compiled payload read failed; the resolvers answer");
          return value;
        }
      };
    }
  }
}
