import type { Hooks } from "../../platform/composition/hooks.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import type { Order } from "./order.entity.js";
import { orderAmount, rejectionOf, type RejectChange } from "./order.fields.js";
import { OrderSortField, type OrderFilter } from "./order.inputs.js";
import { isOrderOverdue, orderMachine } from "./order.machine.js";
import { orderSearchFor, orderWhere } from "./order.where.js";

/**
 * Order, Report and StoredFile on the compiled read path (platform/read-compiler); every
 * field of the three types is compiled but Report.template (the form template version), which
 * its resolver answers.
 */
const orderRead: ReadType = {
  type: "Order",
  entity: "Order",
  columns: [
    "id",
    "number",
    "version",
    "status",
    "kind",
    "specialty",
    "requestedCodes",
    "confirmBy",
    "dueAt",
    "currency",
    "notes",
    "suspendedAt",
    "lastRejectedAt",
    "invoiceReference",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    caseId: { needs: ["case"], map: (o) => o.case },
    providerId: { needs: ["provider"], map: (o) => o.provider },
    amount: { needs: ["amount", "currency"], map: (o) => orderAmount(o as Pick<Order, "amount" | "currency">) },
    overdue: { needs: ["status", "confirmBy", "dueAt"], map: (o, ctx) => isOrderOverdue(o as never, ctx.now) },
    availableTransitions: {
      needs: ["status", "confirmBy", "dueAt", "provider"],
      map: (o, ctx) => availableEvents(orderMachine, o as unknown as Order, ctx.principal, ctx.now),
    },
    rejection: {
      needs: ["lastRejectedAt"],
      rows: {
        // As the resolver reads them: the last REJECT of the history, the provider through its scope.
        reject: {
          relation: {
            ...historyRelations("Order").lastStatusChange,
            where: { entityType: "Order", event: "REJECT" },
          },
          props: ["reasonCode", "reason", "createdAt"],
        },
        provider: { relation: { type: "Organization", parentKey: "provider", childKey: "id" }, props: ["language"] },
      },
      map: (o) =>
        rejectionOf(
          o.lastRejectedAt as Date | null,
          o.reject as RejectChange | null,
          (o.provider as { language: string } | null)?.language,
        ),
    },
  },
  relations: {
    case: { type: "Case", parentKey: "case", childKey: "id" },
    provider: { type: "Organization", parentKey: "provider", childKey: "id" },
    reports: {
      type: "Report",
      parentKey: "id",
      childKey: "order",
      list: true,
      orderBy: [
        ["createdAt", "asc"],
        ["id", "asc"],
      ],
    },
    ...historyRelations("Order"),
  },
};

const reportRead: ReadType = {
  type: "Report",
  entity: "Report",
  columns: [
    "id",
    "kind",
    "form",
    "templateSpecialty",
    "templateVersion",
    "serviceCode",
    "submittedByKind",
    "submittedByOrganizationId",
    "acknowledgedAt",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    orderId: { needs: ["order"], map: (r) => r.order },
    fileId: { needs: ["file"], map: (r) => r.file ?? null },
  },
  relations: { file: { type: "StoredFile", parentKey: "file", childKey: "id" } },
};

const storedFileRead: ReadType = {
  type: "StoredFile",
  entity: "StoredFile",
  columns: [
    "id",
    "fileName",
    "contentType",
    "size",
    "sha256",
    "uploadedByKind",
    "uploadedByOrganizationId",
    "createdAt",
    "updatedAt",
  ],
  computed: { downloadPath: { needs: ["id"], map: (f) => `/files/${String(f.id)}` } },
};

export function registerOrderReads(hooks: Hooks): void {
  for (const t of [orderRead, reportRead, storedFileRead]) hooks.add(READ_TYPES, t);
  hooks.add(READ_ROOTS, { field: "order", kind: "byId", type: "Order", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "orders",
    kind: "connection",
    type: "Order",
    // The resolver's own where-builder and defaults (OrderResolver.orders).
    where: async (em, args) => {
      const filter = (args.filter ?? null) as OrderFilter | null;
      const cases = await orderSearchFor(em, filter);
      return () => orderWhere(filter, new Date(), cases) as never;
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: OrderSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? OrderSortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
