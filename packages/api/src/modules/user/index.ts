import type { DomainModule } from "../../platform/composition/module.js";
import { RefreshToken, User, UserBranch, VisitorHospital } from "./user.entity.js";
import { OrganizationVisitorsResolver, UserResolver } from "./user.resolver.js";
import { registerUserScopes } from "./user.scope.js";
import { PartnerUserResolver } from "./partner-user.resolver.js";
import { registerUserReads } from "./user.read.js";

/** Staff users, partner organisations' own users, the hospitals a visitor covers, refresh tokens. */
export const userModule: DomainModule = {
  name: "user",
  entities: [User, VisitorHospital, UserBranch, RefreshToken],
  resolvers: [UserResolver, OrganizationVisitorsResolver, PartnerUserResolver],
  register(hooks) {
    registerUserScopes(hooks);
    registerUserReads(hooks);
  },
};
