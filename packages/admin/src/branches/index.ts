export { BranchChooser } from "./BranchChooser";
export { BranchSwitcher } from "./BranchSwitcher";
