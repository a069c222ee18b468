import { lazy } from "react";

export const auditEvents = { list: lazy(() => import("./AuditEventList")) };
