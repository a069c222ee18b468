import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { NotCompiled } from "../../platform/read-compiler/selection.js";
import { PatientSortField, type PatientFilter } from "./patient.inputs.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { declaredPolicyVerifiedOf, nationalIdAs } from "./national-id.js";
import type { Patient } from "./patient.entity.js";
import { patientMachine } from "./patient.machine.js";
import { patientWhere } from "./patient.resolver.js";

/**
 * Patient on the compiled read path (platform/read-compiler): nationalId through the
 * resolver's own rule (nationalIdAs: masked per principal, each clear read audited as the
 * resolver audits it), the declared policy, policies (through the memberships),
 * availableTransitions and history: every field.
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
      "declaredInsurance",
      "declaredPolicyNumber",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      registeredById: { needs: ["registeredBy"], map: (p) => p.registeredBy ?? null },
      nationalId: {
        needs: ["id", "nationalIdEnc", "registeredBy"],
        map: (p, ctx) =>
          nationalIdAs(
            p as { id: string; nationalIdEnc?: string | null },
            (p.registeredBy as string | null) ?? null,
            ctx.principal,
            ctx.readAudit,
          ),
      },
      declaredPolicyVerified: {
        needs: ["declaredPolicyNumber", "declaredPolicyConfirmedAt"],
        map: (p) => declaredPolicyVerifiedOf(p),
      },
      availableTransitions: {
        needs: ["status", "registeredBy"],
        map: (p, ctx) => availableEvents(patientMachine, p as unknown as Patient, ctx.principal, ctx.now),
      },
    },
    relations: {
      registeredBy: { type: "Organization", parentKey: "registeredBy", childKey: "id" },
      history: historyRelations("Patient").history,
      // The memberships as PatientResolver.policies loads them, each policy through its own scope.
      policies: {
        type: "PolicyMember",
        parentKey: "id",
        childKey: "patient",
        list: true,
        // The children loader's order: creation, ties broken by id (platform/graphql/loaders.ts).
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
        via: { key: "policy", type: "Policy" },
      },
    },
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
