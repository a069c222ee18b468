import { Dec, formatMoney } from "../claim/engine/money.js";
import type { Order } from "./order.entity.js";
import type { Rejection } from "./order.inputs.js";
import { rejectionLabel } from "./rejection-reasons.js";

/** Order.amount as the API prints it: a decimal string at the currency's minor unit (shared by both read paths). */
export function orderAmount(order: Pick<Order, "amount" | "currency">): string | null {
  // Money is only money in a currency: without one there is no amount to show.
  if (order.amount == null || !order.currency) return null;
  return formatMoney(new Dec(order.amount), order.currency);
}

/** What a status change of a REJECT says, as Order.rejection needs it. */
export interface RejectChange {
  reasonCode?: string | null;
  reason?: string | null;
  createdAt: Date;
}

/**
 * Order.rejection (shared by both read paths): the last REJECT with its code, the code's
 * label in the provider's language (Spanish when the provider is not known) and its text;
 * null while the order was never rejected.
 */
export function rejectionOf(
  lastRejectedAt: Date | null | undefined,
  lastReject: RejectChange | null | undefined,
  providerLanguage: string | null | undefined,
): Rejection | null {
  if (!lastRejectedAt || !lastReject) return null;
  const code = lastReject.reasonCode ?? "OTHER";
  return {
    code,
    label: rejectionLabel(code, providerLanguage ?? "es"),
    text: lastReject.reason ?? "",
    at: lastReject.createdAt,
  };
}
