import { Dec, formatMoney } from "../claim/engine/money.js";
import type { Order } from "./order.entity.js";

/** Order.amount as the API prints it: a decimal string at the currency's minor unit (shared by both read paths). */
export function orderAmount(order: Pick<Order, "amount" | "currency">): string | null {
  if (order.amount == null) return null;
  return order.currency ? formatMoney(new Dec(order.amount), order.currency) : order.amount;
}
