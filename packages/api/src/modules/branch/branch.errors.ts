import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for branches (分公司) and the branch a session works in. */
export enum BranchErrorCode {
  BRANCH_CODE_TAKEN = "BRANCH_CODE_TAKEN",
  BRANCH_INACTIVE = "BRANCH_INACTIVE",
  HEAD_OFFICE_ONLY = "HEAD_OFFICE_ONLY",
}

export const branchErrorCodes = errorCodeSet("Branches", BranchErrorCode, {
  BRANCH_CODE_TAKEN: "Another branch has this code.",
  BRANCH_INACTIVE: "The branch named is inactive: it takes no new cases or members.",
  HEAD_OFFICE_ONLY: "Only head-office staff (no branch) may do this, e.g. move a case to another branch.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    branch: BranchErrorCode;
  }
}
