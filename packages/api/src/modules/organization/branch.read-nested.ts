import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_TYPES, type ReadType } from "../../platform/read-compiler/definition.js";

/**
 * Branch as a nested object of the compiled read path (`Case.branch`): its own columns.
 * Registered by the nested-fields slice of issue 17; the branch roots' slice may widen it.
 */
export const branchReadNested: ReadType = {
  type: "Branch",
  entity: "Branch",
  columns: ["id", "code", "name", "region", "active", "version", "createdAt", "updatedAt"],
};

export function registerBranchNestedReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, branchReadNested);
}
