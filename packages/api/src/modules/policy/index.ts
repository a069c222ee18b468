import type { DomainModule } from "../../platform/composition/module.js";
import { Liability, Policy, PolicyMember, PolicyNetworkProvider } from "./policy.entity.js";
import { PolicyResolver } from "./policy.resolver.js";
import { registerPolicyScopes } from "./policy.scope.js";
import { registerPolicyReads } from "./policy.read.js";

/** Insurance policies, their liabilities, members and network providers. */
export const policyModule: DomainModule = {
  name: "policy",
  entities: [Policy, Liability, PolicyMember, PolicyNetworkProvider],
  resolvers: [PolicyResolver],
  register(hooks) {
    registerPolicyScopes(hooks);
    registerPolicyReads(hooks);
  },
};
