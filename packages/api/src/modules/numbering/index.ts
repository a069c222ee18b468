import type { DomainModule } from "../../platform/composition/module.js";
import { DocumentCounter } from "./document-counter.entity.js";

/** Document numbers (cases, orders, claims), one counter row per series. */
export const numberingModule: DomainModule = {
  name: "numbering",
  entities: [DocumentCounter],
  resolvers: [],
};
