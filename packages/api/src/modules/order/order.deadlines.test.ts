import { describe, expect, it } from "vitest";
import { OrderStatus } from "./order.entity.js";
import { deadlineOf, isOrderOverdue, ORDER_DEADLINES } from "./order.deadlines.js";

const now = new Date("2026-11-26T12:00:00Z");
const past = new Date("2026-11-25T12:00:00Z");
const future = new Date("2026-11-27T12:00:00Z");

describe("order deadlines", () => {
  it("runs the confirmation deadline while ISSUED and the due date while CONFIRMED or IN_EVALUATION", () => {
    expect(deadlineOf(OrderStatus.ISSUED)?.field).toBe("confirmBy");
    expect(deadlineOf(OrderStatus.CONFIRMED)?.field).toBe("dueAt");
    expect(deadlineOf(OrderStatus.IN_EVALUATION)?.field).toBe("dueAt");
  });

  it("makes an order overdue only past the deadline of its current status", () => {
    expect(isOrderOverdue({ status: OrderStatus.ISSUED, confirmBy: past, dueAt: future }, now)).toBe(true);
    expect(isOrderOverdue({ status: OrderStatus.ISSUED, confirmBy: future, dueAt: past }, now)).toBe(false);
    expect(isOrderOverdue({ status: OrderStatus.IN_EVALUATION, confirmBy: future, dueAt: past }, now)).toBe(true);
    expect(isOrderOverdue({ status: OrderStatus.CONFIRMED, confirmBy: past, dueAt: future }, now)).toBe(false);
  });

  it("never makes an order overdue in a status without a deadline", () => {
    const without = Object.values(OrderStatus).filter((s) => !ORDER_DEADLINES.some((d) => d.status === s));
    expect(without).toContain(OrderStatus.IN_VERIFICATION);
    for (const status of without) expect(isOrderOverdue({ status, confirmBy: past, dueAt: past }, now)).toBe(false);
  });
});
