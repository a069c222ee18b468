import type { EntityClass } from "@mikro-orm/core";
import { Payment } from "./payment.entity.js";
import { PaymentFieldsResolver, PaymentResolver } from "./payment.resolver.js";

/** The entities and resolvers this module adds to the API (see modules/registry.ts). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: Function[] = [PaymentResolver, PaymentFieldsResolver];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const entities: EntityClass<any>[] = [Payment];
