import { OrderStatus, type Order } from "./order.entity.js";

/**
 * Which deadline runs in which status. An order past the deadline of its current status is
 * overdue and the system EXPIREs it; a status without a deadline never expires. The machine's
 * EXPIRE guard, the `overdue` filter, the `isOverdue` field and the expiration sweep all read
 * this one table.
 */
export const ORDER_DEADLINES = [
  { status: OrderStatus.ISSUED, field: "confirmBy", column: "confirm_by" },
  { status: OrderStatus.CONFIRMED, field: "dueAt", column: "due_at" },
  { status: OrderStatus.IN_EVALUATION, field: "dueAt", column: "due_at" },
] as const satisfies readonly { status: OrderStatus; field: keyof Order; column: string }[];

export type OrderDeadline = (typeof ORDER_DEADLINES)[number];

/** The deadline running for an order in this status, if any. */
export function deadlineOf(status: OrderStatus): OrderDeadline | undefined {
  return ORDER_DEADLINES.find((d) => d.status === status);
}

/** An order is due for expiry when the deadline of its current status has passed. */
export function isOrderOverdue(o: Pick<Order, "status" | "confirmBy" | "dueAt">, now: Date): boolean {
  const deadline = deadlineOf(o.status);
  return deadline !== undefined && o[deadline.field].getTime() < now.getTime();
}
