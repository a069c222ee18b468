import type { DomainModule } from "../../platform/composition/module.js";
import { Payment } from "./payment.entity.js";
import { PaymentFieldsResolver, PaymentResolver } from "./payment.resolver.js";

/** Payments against claims and the daily collections report. */
export const paymentModule: DomainModule = {
  name: "payment",
  entities: [Payment],
  resolvers: [PaymentResolver, PaymentFieldsResolver],
};
