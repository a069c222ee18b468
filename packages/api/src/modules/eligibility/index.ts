import type { EntityClass } from "@mikro-orm/core";
import { EligibilityResolver } from "./eligibility.resolver.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [EligibilityResolver];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [];
