import type { Hooks } from "../../platform/composition/hooks.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import type { Case } from "./case.entity.js";
import { CaseSortField, type CaseFilter } from "./case.inputs.js";
import { caseMachine } from "./case.machine.js";
import { caseSearchFor, caseWhere } from "./case.where.js";

/**
 * Case on the compiled read path (platform/read-compiler), every field: branch and
 * documents through the types their modules register (`<x>.read-nested.ts`), orders as
 * Order's own definition; each scoped by its own rule as the loaders read them.
 */
export function registerCaseReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Case",
    entity: "Case",
    columns: [
      "id",
      "number",
      "version",
      "kind",
      "incidentDate",
      "scanKey",
      "status",
      "description",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      patientId: { needs: ["patient"], map: (c) => c.patient },
      registeredById: { needs: ["registeredBy"], map: (c) => c.registeredBy },
      hospitalId: { needs: ["hospital"], map: (c) => c.hospital ?? null },
      branchId: { needs: ["branch"], map: (c) => c.branch ?? null },
      availableTransitions: {
        needs: ["status", "registeredBy"],
        map: (c, ctx) => availableEvents(caseMachine, c as unknown as Case, ctx.principal, ctx.now),
      },
    },
    relations: {
      patient: { type: "Patient", parentKey: "patient", childKey: "id" },
      registeredBy: { type: "Organization", parentKey: "registeredBy", childKey: "id" },
      hospital: { type: "Organization", parentKey: "hospital", childKey: "id" },
      history: historyRelations("Case").history,
      branch: { type: "Branch", parentKey: "branch", childKey: "id" },
      documents: {
        type: "Document",
        parentKey: "id",
        childKey: "case",
        list: true,
        where: { removedAt: null },
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
      },
      orders: {
        type: "Order",
        parentKey: "id",
        childKey: "case",
        list: true,
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
      },
    },
  });
  hooks.add(READ_ROOTS, { field: "case", kind: "byId", type: "Case", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "cases",
    kind: "connection",
    type: "Case",
    // The resolver's own where-builder and defaults (CaseResolver.cases).
    where: async (em, args) => {
      const filter = (args.filter ?? null) as CaseFilter | null;
      const patients = await caseSearchFor(em, filter);
      return () => caseWhere(filter, patients) as never;
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: CaseSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? CaseSortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
