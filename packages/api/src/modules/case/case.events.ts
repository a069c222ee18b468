import type { EntityManager } from "@mikro-orm/postgresql";
import type { Principal } from "../../platform/auth/principal.js";
import { ExtensionPoint } from "../../platform/composition/extension-point.js";
import type { Case } from "./case.entity.js";

/**
 * Other modules react to a registered case (Hooks.add(caseRegistered, …) in their register) without the case module importing them
 * (the visit module creates the field visit of an INPATIENT case). Handlers run inside
 * the registering transaction, after the case row is flushed.
 */
export type CaseRegisteredHandler = (em: EntityManager, kase: Case, principal: Principal) => Promise<void>;
export const caseRegistered = new ExtensionPoint<CaseRegisteredHandler>("case registered");
