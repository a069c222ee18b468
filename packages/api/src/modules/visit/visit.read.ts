import type { Hooks } from "../../platform/composition/hooks.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { actorNameField } from "../audit/status-change.read.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import type { Visit } from "./visit.entity.js";
import { bankAccountAs } from "./visit.fields.js";
import { VisitSortField, type VisitFilter } from "./visit.inputs.js";
import { visitMachine } from "./visit.machine.js";
import { visitWhere } from "./visit.where.js";

/**
 * Visit, VisitLiabilityLink and VisitEntry on the compiled read path
 * (platform/read-compiler), every field: bankAccount through the resolver's own rule
 * (bankAccountAs: masked per principal, each clear read audited as the resolver audits it),
 * entries' actorName through the audit module's rule, assignee (User), documents and a
 * link's policy and liability through the types their modules register
 * (`<x>.read-nested.ts`), each scoped by its own rule as the loaders read them.
 */
export function registerVisitReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Visit",
    entity: "Visit",
    columns: [
      "id",
      "number",
      "version",
      "kind",
      "status",
      "orderId",
      "scheduledAt",
      "reminderDueAt",
      "remindedAt",
      "admissionDate",
      "ward",
      "bed",
      "diagnosisCodes",
      "investigationResult",
      "conclusion",
      "bankAccountScheme",
      "returnReason",
      "returnCount",
      "cancelReason",
      "completedAt",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      caseId: { needs: ["case"], map: (v) => v.case ?? null },
      patientId: { needs: ["patient"], map: (v) => v.patient },
      siteId: { needs: ["site"], map: (v) => v.site },
      assigneeId: { needs: ["assignee"], map: (v) => v.assignee ?? null },
      bankAccount: {
        needs: ["id", "bankAccountEnc"],
        map: (v, ctx) =>
          bankAccountAs(v as { id: string; bankAccountEnc?: string | null }, ctx.principal, ctx.readAudit),
      },
      availableTransitions: {
        needs: ["status", "kind", "assignee", "site", "scheduledAt"],
        map: (v, ctx) => availableEvents(visitMachine, v as unknown as Visit, ctx.principal, ctx.now),
      },
    },
    relations: {
      case: { type: "Case", parentKey: "case", childKey: "id" },
      patient: { type: "Patient", parentKey: "patient", childKey: "id" },
      site: { type: "Organization", parentKey: "site", childKey: "id" },
      order: { type: "Order", parentKey: "orderId", childKey: "id" },
      liabilityLinks: {
        type: "VisitLiabilityLink",
        parentKey: "id",
        childKey: "visit",
        list: true,
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
      },
      history: historyRelations("Visit").history,
      assignee: { type: "User", parentKey: "assignee", childKey: "id" },
      entries: {
        type: "VisitEntry",
        parentKey: "id",
        childKey: "visit",
        list: true,
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
      },
      // The current documents (CURRENT in document.resolver.ts), as VisitDocumentsResolver reads them.
      documents: {
        type: "Document",
        parentKey: "id",
        childKey: "visit",
        list: true,
        where: { removedAt: null },
        orderBy: [
          ["createdAt", "asc"],
          ["id", "asc"],
        ],
      },
    },
  });
  hooks.add(READ_TYPES, {
    type: "VisitLiabilityLink",
    entity: "VisitLiabilityLink",
    columns: ["id", "createdAt", "updatedAt"],
    computed: {
      visitId: { needs: ["visit"], map: (l) => l.visit },
      policyId: { needs: ["policy"], map: (l) => l.policy },
      liabilityId: { needs: ["liability"], map: (l) => l.liability },
    },
    relations: {
      policy: { type: "Policy", parentKey: "policy", childKey: "id" },
      liability: { type: "Liability", parentKey: "liability", childKey: "id" },
    },
  });
  hooks.add(READ_TYPES, {
    type: "VisitEntry",
    entity: "VisitEntry",
    columns: ["id", "actorKind", "actorId", "actorOrganizationId", "conclusion", "createdAt", "updatedAt"],
    computed: {
      actorName: actorNameField,
      // A list of objects: cut to the selection item by item.
      changes: { needs: ["changes"], map: (e) => e.changes },
    },
  });
  hooks.add(READ_ROOTS, { field: "visit", kind: "byId", type: "Visit", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "visits",
    kind: "connection",
    type: "Visit",
    // The resolver's own where-builder and defaults (VisitResolver.visits).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as VisitFilter | null;
      return Promise.resolve(() => visitWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: VisitSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? VisitSortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
