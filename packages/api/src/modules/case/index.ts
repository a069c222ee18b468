import type { EntityClass } from "@mikro-orm/core";
import "./case.scope.js";
import { CaseResolver } from "./case.resolver.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [CaseResolver];
// Case itself is registered by modules/registry.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [];
export { caseRegisteredHandlers } from "./case.events.js";
export { caseVisibilitySources, type CaseVisibilitySource } from "./case.scope.js";
export { caseMachine, CaseEvent } from "./case.machine.js";
export { CaseService, scanKeyOf } from "./case.service.js";
