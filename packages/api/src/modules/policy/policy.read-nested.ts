import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";
import { moneyIn } from "../claim/engine/money.graphql.js";
import { money } from "../claim/engine/money.js";

/**
 * Policy and Liability as nested objects of the compiled read path (`Claim.policy`,
 * `Claim.liability`, a visit liability link's): their own columns, money through the
 * functions the Money fields use. insurer, liabilities, members and networkProviders stay on
 * the resolvers. Registered by the nested-fields slice of issue 17; the policy roots'
 * slice may widen them.
 */
export const policyReadNested: ReadType = {
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
    "coverageRate",
    "currency",
    "version",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    insurerId: { needs: ["insurer"], map: (p) => p.insurer },
    deductible: { needs: ["deductible", "currency"], map: (p) => money(p.deductible as string, p.currency as string) },
  },
};

// A liability's amounts are in its policy's currency, the policy read as the resolver reads
// it (its own scope): a policy the reader does not see leaves the amount as stored.
const inPolicyCurrency = (prop: string) => ({
  needs: [prop],
  rows: {
    policy: {
      relation: { type: "Policy", parentKey: "policy", childKey: "id" },
      props: ["currency"],
    },
  },
  map: (l: Record<string, unknown>) => moneyIn(l[prop], (l.policy as { currency: string } | null)?.currency),
});

export const liabilityReadNested: ReadType = {
  type: "Liability",
  entity: "Liability",
  columns: ["id", "code", "name", "coverageRate", "version", "createdAt", "updatedAt"],
  computed: {
    annualLimit: inPolicyCurrency("annualLimit"),
    perClaimLimit: inPolicyCurrency("perClaimLimit"),
  },
};

/** A membership: only the link between a patient and a policy (`Patient.policies` reads through it). */
export const policyMemberReadNested: ReadType = { type: "PolicyMember", entity: "PolicyMember", columns: ["id"] };

export function registerPolicyNestedReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, policyReadNested);
  hooks.add(READ_TYPES, liabilityReadNested);
  hooks.add(READ_TYPES, policyMemberReadNested);
}
