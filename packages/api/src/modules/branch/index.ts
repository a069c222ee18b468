import type { DomainModule } from "../../platform/composition/module.js";
import {
  BranchResolver,
  CaseBranchResolver,
  OrganizationBranchResolver,
  UserBranchesResolver,
} from "./branch.resolver.js";
import { registerBranchScopes } from "./branch.scope.js";
import { registerBranchReads } from "./branch.read.js";
import { BranchStatisticsResolver } from "./branch-statistics.resolver.js";
import { mountBranchStatisticsCsv } from "./branch-statistics.csv-route.js";

/**
 * Branches (分公司): the operator's provincial offices, their staff, the partners under their
 * coverage, and the confinement of a branch session to its branch's rows (branch.scope.ts).
 * The Branch entity lives with the organisation it belongs to (organization/branch.entity.ts).
 */
export const branchModule: DomainModule = {
  name: "branch",
  entities: [],
  resolvers: [
    BranchResolver,
    UserBranchesResolver,
    OrganizationBranchResolver,
    CaseBranchResolver,
    BranchStatisticsResolver,
  ],
  routes: [mountBranchStatisticsCsv],
  register(hooks) {
    registerBranchScopes(hooks);
    registerBranchReads(hooks);
  },
};
