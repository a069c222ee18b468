import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { BRANCH_LIST_ORDER } from "./branch.resolver.js";

/** Branch on the compiled read path (platform/read-compiler), with its roots `branch(id)` and `branches`. */
export function registerBranchReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "Branch",
    entity: "Branch",
    columns: ["id", "code", "name", "region", "active", "version", "createdAt", "updatedAt"],
  });
  hooks.add(READ_ROOTS, { field: "branch", kind: "byId", type: "Branch", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "branches",
    kind: "list",
    type: "Branch",
    where: () => ({}),
    orderBy: BRANCH_LIST_ORDER,
  });
}
