import type { Hooks } from "../../platform/composition/hooks.js";
import { MAX_PAGE_SIZE, SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { formatRate, moneyFieldValue } from "../claim/engine/money.graphql.js";
import { PolicySortField, type PolicyFilter } from "./policy.inputs.js";
import { policyWhere } from "./policy.resolver.js";

/**
 * Policy and Liability on the compiled read path (platform/read-compiler), with the roots
 * `policy(id)` and `policies`. Amounts and rates leave as their scalars print them
 * (moneyFieldValue in the policy's currency, formatRate). `members` without arguments is
 * compiled (its default `first`, the page size); `members(first: …)` is left to the resolver,
 * which checks the bound.
 */
const rate = (prop: string) => ({ needs: [prop], map: (r: Record<string, unknown>) => formatRate(r[prop] as string) });

/** A liability's limits are in its policy's currency: the policy as the resolver loads it (scoped). */
const inPolicyCurrency = (prop: string) => ({
  needs: [prop],
  rows: {
    policy: {
      relation: { type: "Policy", parentKey: "policy", childKey: "id" },
      props: ["currency"],
    },
  },
  map: (l: Record<string, unknown>) =>
    moneyFieldValue(l[prop], (l.policy as { currency: string } | null)?.currency ?? null),
});

export function registerPolicyReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Policy",
    entity: "Policy",
    columns: [
      "id",
      "number",
      "type",
      "holderName",
      "validFrom",
      "validTo",
      "status",
      "currency",
      "version",
      "createdAt",
      "updatedAt",
    ],
    computed: {
      insurerId: { needs: ["insurer"], map: (p) => p.insurer },
      deductible: {
        needs: ["deductible", "currency"],
        map: (p) => moneyFieldValue(p.deductible, p.currency as string),
      },
      coverageRate: rate("coverageRate"),
    },
    relations: {
      insurer: { type: "Organization", parentKey: "insurer", childKey: "id" },
      liabilities: { type: "Liability", parentKey: "id", childKey: "policy", list: true, orderBy: [["code", "asc"]] },
      networkProviders: {
        type: "Organization",
        parentKey: "id",
        childKey: "id",
        list: true,
        through: { entity: "PolicyNetworkProvider", from: "policy", to: "provider" },
      },
      // PolicyResolver.members: the visible memberships in their order, their visible patients, the first page.
      members: {
        type: "Patient",
        parentKey: "id",
        childKey: "id",
        list: true,
        through: { entity: "PolicyMember", from: "policy", to: "patient" },
        limit: MAX_PAGE_SIZE,
      },
    },
  });
  hooks.add(READ_TYPES, {
    type: "Liability",
    entity: "Liability",
    columns: ["id", "code", "name", "version", "createdAt", "updatedAt"],
    computed: {
      coverageRate: rate("coverageRate"),
      annualLimit: inPolicyCurrency("annualLimit"),
      perClaimLimit: inPolicyCurrency("perClaimLimit"),
    },
  });
  // A membership: only the link between a patient and a policy (Patient.policies reads through it).
  hooks.add(READ_TYPES, { type: "PolicyMember", entity: "PolicyMember", columns: ["id"] });
  hooks.add(READ_ROOTS, { field: "policy", kind: "byId", type: "Policy", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "policies",
    kind: "connection",
    type: "Policy",
    // The resolver's own where-builder and defaults (PolicyResolver.policies).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as PolicyFilter | null;
      return Promise.resolve(() => policyWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: PolicySortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? PolicySortField.CREATED_AT,
        direction: orderBy?.direction ?? SortDirection.DESC,
      };
    },
  });
}
