import type { Runtime } from "../platform/http/app.js";
import { fileRoutes } from "./order/files/files.routes.js";
import { statisticsRoutes } from "./statistics/statistics.routes.js";
import { registerVisitExportRoutes } from "./visit/visit.export.js";
import { documentRoutes } from "./document/document.routes.js";

/** REST routes of the modules (files, exports), mounted before /graphql. */
export const httpRoutes: ((runtime: Runtime) => void)[] = [fileRoutes];
httpRoutes.push(statisticsRoutes);
httpRoutes.push(registerVisitExportRoutes);
httpRoutes.push(documentRoutes);
