import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";
import { money } from "../claim/engine/money.js";

/** Payment as a nested object of the compiled read path (`Claim.payments`): every field. */
export const paymentReadNested: ReadType = {
  type: "Payment",
  entity: "Payment",
  columns: [
    "id",
    "payer",
    "currency",
    "method",
    "reference",
    "receivedAt",
    "recordedByKind",
    "recordedById",
    "createdAt",
    "updatedAt",
  ],
  computed: {
    claimId: { needs: ["claim"], map: (p) => p.claim },
    amount: { needs: ["amount", "currency"], map: (p) => money(p.amount as string, p.currency as string) },
  },
};

export function registerPaymentNestedReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, paymentReadNested);
}
