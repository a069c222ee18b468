import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { formatRate, moneyFieldValue } from "../claim/engine/money.graphql.js";
import { ServiceCodeSortField, type ServiceCodeFilter } from "./service-code.inputs.js";
import { serviceCodeWhere } from "./service-code.resolver.js";

/**
 * ServiceCode on the compiled read path (platform/read-compiler), with its roots
 * `serviceCode(id)` and `serviceCodes`; the fee and the rate leave as their scalars print
 * them (moneyFieldValue, formatRate).
 */
export function registerServiceCodeReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "ServiceCode",
    entity: "ServiceCode",
    columns: [
      "id",
      "system",
      "code",
      "description",
      "currency",
      "requiresPreauthorization",
      "specialty",
      "active",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      fee: { needs: ["fee", "currency"], map: (s) => moneyFieldValue(s.fee, s.currency as string) },
      maxDiscountRate: {
        needs: ["maxDiscountRate"],
        map: (s) => (s.maxDiscountRate == null ? null : formatRate(s.maxDiscountRate as string)),
      },
    },
  });
  hooks.add(READ_ROOTS, { field: "serviceCode", kind: "byId", type: "ServiceCode", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "serviceCodes",
    kind: "connection",
    type: "ServiceCode",
    // The resolver's own where-builder and defaults (ServiceCodeResolver.serviceCodes).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as ServiceCodeFilter | null;
      return Promise.resolve(() => serviceCodeWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: ServiceCodeSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? ServiceCodeSortField.CODE,
        direction: orderBy?.direction ?? SortDirection.ASC,
      };
    },
  });
}
