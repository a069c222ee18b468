import type { DomainModule } from "../../platform/composition/module.js";
import { ServiceCode } from "./service-code.entity.js";
import { ServiceCodeResolver } from "./service-code.resolver.js";
import { registerServiceCodeReads } from "./service-code.read.js";

/** The fee schedule: service codes and their prices. */
export const serviceCodeModule: DomainModule = {
  name: "service-code",
  entities: [ServiceCode],
  resolvers: [ServiceCodeResolver],
  register(hooks) {
    hooks.defineScope("ServiceCode", () => "ALL");
    registerServiceCodeReads(hooks);
  },
};
