import type { EntityManager } from "@mikro-orm/postgresql";
import { LockMode } from "@mikro-orm/core";
import { SYSTEM } from "../../platform/auth/principal.js";
import { fireTransition } from "../../platform/state-machine/engine.js";
import { Order } from "./order.entity.js";
import { isOrderOverdue, OrderEvent, orderMachine } from "./order.machine.js";

/**
 * Expires one order as SYSTEM if it is still due, in its own transaction. The row is
 * locked with SKIP LOCKED so a worker never waits behind a user changing the same order:
 * that order is simply skipped and picked up by the next sweep if it is still due.
 * Returns whether the order expired. `em` must be a SYSTEM-scoped fork.
 */
export async function expireOrder(em: EntityManager, orderId: string, now: Date = new Date()): Promise<boolean> {
  return em.transactional(async (tem) => {
    const t = tem as EntityManager;
    const order = await t.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
    if (!order || !isOrderOverdue(order, now)) return false;
    await fireTransition(t, orderMachine, order, { event: OrderEvent.EXPIRE, principal: SYSTEM, now });
    await t.flush();
    return true;
  });
}

/**
 * Expires a chunk of orders the caller has already locked (the sweep's `select … for
 * update skip locked` in the same transaction): one select, the EXPIRE transition of each
 * still-due order through the state machine, one flush. Same history and audit rows as
 * expireOrder, a handful of statements per chunk instead of several per order.
 * Returns how many expired. `em` must be a SYSTEM-scoped fork inside that transaction.
 */
export async function expireLockedOrders(
  em: EntityManager,
  orderIds: string[],
  now: Date = new Date(),
): Promise<number> {
  if (orderIds.length === 0) return 0;
  const orders = await em.find(Order, { id: { $in: orderIds } });
  let expired = 0;
  for (const order of orders) {
    if (!isOrderOverdue(order, now)) continue;
    await fireTransition(em, orderMachine, order, { event: OrderEvent.EXPIRE, principal: SYSTEM, now });
    expired++;
  }
  await em.flush();
  return expired;
}
