import type { Hooks } from "../../platform/composition/hooks.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { READ_TYPES } from "../../platform/read-compiler/definition.js";

/**
 * Case on the compiled read path (platform/read-compiler). Left to the resolvers:
 * availableTransitions, documents, orders.
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
    },
    relations: {
      patient: { type: "Patient", parentKey: "patient", childKey: "id" },
      registeredBy: { type: "Organization", parentKey: "registeredBy", childKey: "id" },
      hospital: { type: "Organization", parentKey: "hospital", childKey: "id" },
      history: historyRelations("Case").history,
    },
  });
}
