import { describe, expect, it } from "vitest";
import { OrderStatus, TERMINAL_ORDER_STATUSES } from "./order.entity.js";
import { OrderTray, TRAY_STATUSES } from "./order.inputs.js";

describe("order trays (SPEC §3)", () => {
  it("put every order status in exactly one tray, so the tab counts add up to the total", () => {
    for (const status of Object.values(OrderStatus)) {
      const trays = Object.values(OrderTray).filter((tray) => TRAY_STATUSES[tray].includes(status));
      expect({ status, trays }).toEqual({ status, trays: [expect.any(String)] });
    }
  });

  it("keep an order waiting for verification in To manage only, and close exactly the terminal statuses", () => {
    expect(TRAY_STATUSES.TO_MANAGE).toEqual([OrderStatus.IN_VERIFICATION]);
    expect(TRAY_STATUSES.WORKED).not.toContain(OrderStatus.IN_VERIFICATION);
    expect([...TRAY_STATUSES.CLOSED].sort()).toEqual([...TERMINAL_ORDER_STATUSES].sort());
    expect(TRAY_STATUSES.IN_PROCESS).toEqual([OrderStatus.ISSUED]);
    // non-terminal and not waiting for the operator: worked
    expect(TRAY_STATUSES.WORKED).toEqual(expect.arrayContaining([OrderStatus.REJECTED, OrderStatus.SUSPENDED]));
  });
});
