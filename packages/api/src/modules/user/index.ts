import type { DomainModule } from "../../platform/composition/module.js";
import { RefreshToken, User, UserBranch, VisitorHospital } from "./user.entity.js";
import { OrganizationVisitorsResolver, UserResolver } from "./user.resolver.js";
import { registerUserScopes } from "./user.scope.js";

/** Staff users, the hospitals a visitor covers, refresh tokens. */
export const userModule: DomainModule = {
  name: "user",
  entities: [User, VisitorHospital, UserBranch, RefreshToken],
  resolvers: [UserResolver, OrganizationVisitorsResolver],
  register(hooks) {
    registerUserScopes(hooks);
  },
};
