import type { DomainModule } from "../../platform/composition/module.js";
import { partnerOrStaff } from "../../platform/scoping/scope.js";
import { ApiKey } from "./api-key.entity.js";
import { ApiKeyResolver } from "./api-key.resolver.js";
import { registerApiKeyReads } from "./api-key.read.js";

/** Partner API keys. */
export const apiKeyModule: DomainModule = {
  name: "api-key",
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  register(hooks) {
    // API keys are the administrators' (and each partner's own).
    hooks.defineScope(
      "ApiKey",
      partnerOrStaff((p) => ({ organization: p.organizationId }), {}),
    );
    registerApiKeyReads(hooks);
  },
};
