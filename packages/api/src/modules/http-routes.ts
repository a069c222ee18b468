import type { Runtime } from "../platform/http/app.js";

/** REST routes of the modules (files, exports), mounted before /graphql. */
export const httpRoutes: ((runtime: Runtime) => void)[] = [];
