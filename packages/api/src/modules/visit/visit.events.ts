import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { ExtensionPoint } from "../../platform/composition/extension-point.js";

/**
 * Reactions to an approved visit, registered by other modules with Hooks.add(visitApproved, …) (the claim module creates
 * one DRAFT claim per liability link). Handlers run inside the approving transaction,
 * after the visit is flushed, and receive only the id so there is no import cycle.
 */
export type VisitApprovedHandler = (em: EntityManager, visitId: string, principal: Principal) => Promise<void>;
export const visitApproved = new ExtensionPoint<VisitApprovedHandler>("visit approved");
