import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { NotCompiled } from "../../platform/read-compiler/selection.js";
import { PatientSortField, type PatientFilter } from "./patient.inputs.js";
import { patientWhere } from "./patient.resolver.js";

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
  hooks.add(READ_ROOTS, { field: "patient", kind: "byId", type: "Patient", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "patients",
    kind: "connection",
    type: "Patient",
    // The resolver's own where-builder and defaults (PatientResolver.patients).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as PatientFilter | null;
      // A national-id lookup is rate-limited, audited and narrowed per principal by the
      // resolver: it stays there.
      if (filter?.nationalId) throw new NotCompiled("patients(filter: { nationalId })");
      return Promise.resolve(() => patientWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: PatientSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? PatientSortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
