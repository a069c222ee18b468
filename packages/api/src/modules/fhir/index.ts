import type { DomainModule } from "../../platform/composition/module.js";
import { fhirRoutes } from "./fhir.routes.js";

/**
 * FHIR R4 read and search for integrators (SPEC §8, docs/fhir.md): a second door onto the
 * rows of the other modules, with their scope rules; it owns no table.
 */
export const fhirModule: DomainModule = {
  name: "fhir",
  entities: [],
  resolvers: [],
  routes: [fhirRoutes],
};
