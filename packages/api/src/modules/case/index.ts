import type { DomainModule } from "../../platform/composition/module.js";
import { Case } from "./case.entity.js";
import { CaseResolver } from "./case.resolver.js";
import { registerCaseScopes } from "./case.scope.js";
import { registerCaseReads } from "./case.read.js";

/** Medical cases: registration, state machine, visibility. */
export const caseModule: DomainModule = {
  name: "case",
  entities: [Case],
  resolvers: [CaseResolver],
  register(hooks) {
    registerCaseScopes(hooks);
    registerCaseReads(hooks);
  },
};
