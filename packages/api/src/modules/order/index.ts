import type { EntityClass } from "@mikro-orm/core";
import "./order.scope.js";
import { FormTemplate } from "./form-template.entity.js";
import { Order } from "./order.entity.js";
import { OrderResolver } from "./order.resolver.js";
import { Report } from "./report.entity.js";
import { CaseOrdersResolver, FormTemplateResolver, ReportResolver, StoredFileResolver } from "./report.resolver.js";
import { StoredFile } from "./stored-file.entity.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [
  OrderResolver,
  ReportResolver,
  StoredFileResolver,
  FormTemplateResolver,
  CaseOrdersResolver,
];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [Order, Report, StoredFile, FormTemplate];

export { Order, OrderKind, OrderStatus } from "./order.entity.js";
export { orderMachine, OrderEvent, isOrderOverdue } from "./order.machine.js";
export { expireOrder } from "./order.expiry.js";
export { OrderService } from "./order.service.js";
export { ReportService } from "./report.service.js";
export { seedFormTemplates } from "./form-templates.seed.js";
export { REJECTION_REASONS } from "./rejection-reasons.js";
