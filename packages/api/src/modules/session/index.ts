import type { DomainModule } from "../../platform/composition/module.js";
import { SessionResolver } from "./session.resolver.js";

/** Sign-in, refresh and sign-out. */
export const sessionModule: DomainModule = {
  name: "session",
  entities: [],
  resolvers: [SessionResolver],
};
