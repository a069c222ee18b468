import type { EntityClass } from "@mikro-orm/core";
import type { Runtime } from "../http/app.js";
import type { Hooks } from "./hooks.js";

/** A REST route of a module (files, exports), mounted on the HTTP app before /graphql. */
export type HttpRoute = (runtime: Runtime) => void;

/**
 * What one module (modules/<aggregate>/index.ts) gives the composition root: its
 * entities for the ORM, resolvers for the schema, REST routes for the HTTP app, and
 * `register`, which adds its scope rules, listeners and extensions to the root's hooks.
 */
export interface DomainModule {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntityClass<any>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  routes?: HttpRoute[];
  register?: (hooks: Hooks) => void;
}
