import type { Hooks } from "../../platform/composition/hooks.js";
import { historyRelations } from "../../platform/audit/status-change.read.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { approvedTotalsOf, deliveryWindowsOf, isClaimOverdue, outstandingOf, paidOf } from "./claim-fields.resolver.js";
import type { Claim } from "./claim.entity.js";
import { ClaimSortField, type ClaimFilter } from "./claim.inputs.js";
import { claimMachine } from "./claim.machine.js";
import { claimWhere } from "./claim.resolver.js";
import { money, moneyOrNull } from "./engine/index.js";

/**
 * Claim and ClaimLine on the compiled read path (platform/read-compiler): policy, liability
 * and payments through the types their modules register (`<x>.read-nested.ts`), documents
 * as ClaimDocumentsResolver reads them (the case's own, then the claim's). Left to the
 * resolvers: documentChecklist (a query asking for it is answered by the resolvers whole).
 */
const amount = (prop: string) => ({
  needs: [prop, "currency"],
  map: (c: Record<string, unknown>) => money(c[prop] as string, c.currency as string),
});
const lineAmountOrNull = (prop: string) => ({
  needs: [prop, "currency"],
  map: (c: Record<string, unknown>) => moneyOrNull(c[prop] as string | null, c.currency as string),
});

const claimRead: ReadType = {
  type: "Claim",
  entity: "Claim",
  columns: [
    "id",
    "number",
    "version",
    "kind",
    "status",
    "currency",
    "lineCount",
    "appliedCaps",
    "sourceVisitId",
    "approvedAt",
    "deliveryDueAt",
    "deliveredOnTime",
    "firstSubmittedAt",
    "lastSubmittedAt",
    "overdueFlaggedAt",
    "denialReason",
    "settlementReference",
    "settlementNote",
    "settledAt",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    caseId: { needs: ["case"], map: (c) => c.case },
    policyId: { needs: ["policy"], map: (c) => c.policy },
    liabilityId: { needs: ["liability"], map: (c) => c.liability },
    registeredById: { needs: ["registeredBy"], map: (c) => c.registeredBy },
    providerId: { needs: ["provider"], map: (c) => c.provider ?? null },
    gross: amount("gross"),
    discountTotal: amount("discountTotal"),
    deductibleApplied: amount("deductibleApplied"),
    covered: amount("covered"),
    patientShare: amount("patientShare"),
    payable: amount("payable"),
    approvedTotals: {
      needs: [
        "currency",
        "approvedGross",
        "approvedDeductibleApplied",
        "approvedCovered",
        "approvedPatientShare",
        "approvedPayable",
      ],
      map: (c) => approvedTotalsOf(c as unknown as Claim),
    },
    paid: { needs: ["currency", "paidPatient", "paidInsurer"], map: (c) => paidOf(c as unknown as Claim) },
    outstanding: {
      needs: ["currency", "outstandingPatient", "outstandingInsurer"],
      map: (c) => outstandingOf(c as unknown as Claim),
    },
    overdue: { needs: ["status", "deliveryDueAt"], map: (c, ctx) => isClaimOverdue(c as unknown as Claim, ctx.now) },
    returnReasons: { needs: ["returnReasons"], map: (c) => c.returnReasons },
    deliveryWindows: { needs: ["deliveryWindows"], map: (c) => deliveryWindowsOf(c as unknown as Claim) },
    priceAboveSchedule: {
      needs: [],
      rows: {
        // The lines as the resolver loads them: through ClaimLine's own scope.
        lines: {
          relation: { type: "ClaimLine", parentKey: "id", childKey: "claim", list: true },
          props: ["priceAboveSchedule"],
        },
      },
      map: (c) => ((c.lines ?? []) as { priceAboveSchedule: boolean }[]).some((l) => l.priceAboveSchedule),
    },
    availableTransitions: {
      needs: ["status", "lineCount", "registeredBy"],
      map: (c, ctx) => availableEvents(claimMachine, c as unknown as Claim, ctx.principal, ctx.now),
    },
  },
  relations: {
    case: { type: "Case", parentKey: "case", childKey: "id" },
    registeredBy: { type: "Organization", parentKey: "registeredBy", childKey: "id" },
    provider: { type: "Organization", parentKey: "provider", childKey: "id" },
    lines: {
      type: "ClaimLine",
      parentKey: "id",
      childKey: "claim",
      list: true,
      orderBy: [["position", "asc"]],
    },
    history: historyRelations("Claim").history,
    policy: { type: "Policy", parentKey: "policy", childKey: "id" },
    liability: { type: "Liability", parentKey: "liability", childKey: "id" },
    payments: { type: "Payment", parentKey: "id", childKey: "claim", list: true, orderBy: [["receivedAt", "asc"]] },
    // The case's own current documents (those that serve every claim of the case), then the
    // claim's, each oldest first (ClaimDocumentsResolver.documents).
    documents: {
      type: "Document",
      parentKey: "case",
      childKey: "case",
      list: true,
      where: { claim: null, visit: null, removedAt: null },
      orderBy: [
        ["createdAt", "asc"],
        ["id", "asc"],
      ],
      then: { parentKey: "id", childKey: "claim", where: { removedAt: null } },
    },
  },
};

const claimLineRead: ReadType = {
  type: "ClaimLine",
  entity: "ClaimLine",
  columns: [
    "id",
    "version",
    "position",
    "serviceSystem",
    "serviceCode",
    "description",
    "quantity",
    "currency",
    "priceAboveSchedule",
    "priceOverrideReason",
    "modifiers",
    "adjustmentReason",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    claimId: { needs: ["claim"], map: (l) => l.claim },
    unitPrice: amount("unitPrice"),
    discount: amount("discount"),
    amount: amount("amount"),
    scheduleUnitPrice: lineAmountOrNull("scheduleUnitPrice"),
    approvedAmount: lineAmountOrNull("approvedAmount"),
  },
};

export function registerClaimReads(hooks: Hooks): void {
  for (const t of [claimRead, claimLineRead]) hooks.add(READ_TYPES, t);
  hooks.add(READ_ROOTS, { field: "claim", kind: "byId", type: "Claim", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "claims",
    kind: "connection",
    type: "Claim",
    // The resolver's own where-builder and defaults (ClaimResolver.claims).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as ClaimFilter | null;
      return Promise.resolve(() => claimWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: ClaimSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? ClaimSortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
