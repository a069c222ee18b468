import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { apiKeyWhere } from "./api-key.resolver.js";
import type { ApiKeyFilter } from "./api-key.types.js";

/**
 * API keys on the compiled read path: `apiKeys`. Only the schema's fields are columns here:
 * the secret's hash (a hidden property, in no GraphQL type) is never selected.
 */
export function registerApiKeyReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "ApiKey",
    entity: "ApiKey",
    columns: ["id", "name", "prefix", "scopes", "lastUsedAt", "revokedAt", "version", "createdAt", "updatedAt"],
    computed: { organizationId: { needs: ["organization"], map: (k) => k.organization } },
    relations: { organization: { type: "Organization", parentKey: "organization", childKey: "id" } },
  });
  hooks.add(READ_ROOTS, {
    field: "apiKeys",
    kind: "connection",
    type: "ApiKey",
    where: (_em, args) => {
      const filter = (args.filter ?? null) as ApiKeyFilter | null;
      return Promise.resolve(() => apiKeyWhere(filter) as never);
    },
    sort: () => ({ field: "createdAt", direction: SortDirection.DESC }),
  });
}
