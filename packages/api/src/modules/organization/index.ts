import type { DomainModule } from "../../platform/composition/module.js";
import { Branch } from "./branch.entity.js";
import { Organization } from "./organization.entity.js";
import { OrganizationResolver } from "./organization.resolver.js";
import { registerOrganizationReads } from "./organization.read.js";
import { registerBranchNestedReads } from "./branch.read-nested.js";

/** Operator, insurers, agencies, hospitals and providers. */
export const organizationModule: DomainModule = {
  name: "organization",
  entities: [Organization, Branch],
  resolvers: [OrganizationResolver],
  register(hooks) {
    registerOrganizationReads(hooks);
    registerBranchNestedReads(hooks);
    // The organisation directory is public to signed-in principals: partners need the names
    // of the operator, hospitals and providers on their own rows.
    hooks.defineScope("Organization", () => "ALL");
  },
};
