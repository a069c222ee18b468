import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES } from "../../platform/read-compiler/definition.js";

/**
 * Patient on the compiled read path (platform/read-compiler). Left to the resolvers, on
 * purpose: nationalId (masked per principal, each unmasked read audited), the declared
 * policy fields, policies, availableTransitions and history.
 */
export function registerPatientReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Patient",
    entity: "Patient",
    columns: [
      "id",
      "customerNumber",
      "firstName",
      "lastName",
      "birthDate",
      "phone",
      "email",
      "language",
      "status",
      "smsConsent",
      "emailConsent",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: { registeredById: { needs: ["registeredBy"], map: (p) => p.registeredBy ?? null } },
    relations: { registeredBy: { type: "Organization", parentKey: "registeredBy", childKey: "id" } },
  });
}
