import type { DomainModule } from "../../platform/composition/module.js";
import { Payment } from "./payment.entity.js";
import { PaymentFieldsResolver, PaymentResolver } from "./payment.resolver.js";
import { registerPaymentNestedReads } from "./payment.read-nested.js";

/** Payments against claims and the daily collections report. */
export const paymentModule: DomainModule = {
  name: "payment",
  entities: [Payment],
  resolvers: [PaymentResolver, PaymentFieldsResolver],
  register(hooks) {
    registerPaymentNestedReads(hooks);
  },
};
