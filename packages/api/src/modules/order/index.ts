import type { DomainModule } from "../../platform/composition/module.js";
import { fileRoutes } from "./files/files.routes.js";
import { FormTemplate } from "./form-template.entity.js";
import { Order } from "./order.entity.js";
import { OrderResolver } from "./order.resolver.js";
import { registerOrderScopes } from "./order.scope.js";
import { Report } from "./report.entity.js";
import { CaseOrdersResolver, ReportResolver, StoredFileResolver } from "./report.resolver.js";
import { FormTemplateResolver, ReportTemplateResolver } from "./form-template.resolver.js";
import { ReportInboxResolver } from "./report-inbox.resolver.js";
import { StoredFile } from "./stored-file.entity.js";
import { registerOrderReads } from "./order.read.js";
import { registerFormTemplateReads } from "./form-template.read.js";
import { registerOrderCountReads } from "./order-counts.read.js";

/** Attention orders, their reports and files (REST /files). */
export const orderModule: DomainModule = {
  name: "order",
  entities: [Order, Report, StoredFile, FormTemplate],
  resolvers: [
    OrderResolver,
    ReportResolver,
    StoredFileResolver,
    FormTemplateResolver,
    ReportTemplateResolver,
    ReportInboxResolver,
    CaseOrdersResolver,
  ],
  routes: [fileRoutes],
  register(hooks) {
    registerOrderScopes(hooks);
    registerOrderReads(hooks);
    registerFormTemplateReads(hooks);
    registerOrderCountReads(hooks);
  },
};
