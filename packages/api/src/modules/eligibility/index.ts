import type { DomainModule } from "../../platform/composition/module.js";
import { EligibilityResolver } from "./eligibility.resolver.js";

/** Coverage: eligibility, cost estimates, policy years and their approval lock. */
export const eligibilityModule: DomainModule = {
  name: "eligibility",
  entities: [],
  resolvers: [EligibilityResolver],
};
