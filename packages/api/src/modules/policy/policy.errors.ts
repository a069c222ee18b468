import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for policies, their liabilities and their members. */
export enum PolicyErrorCode {
  POLICY_NUMBER_TAKEN = "POLICY_NUMBER_TAKEN",
  DUPLICATE_LIABILITY = "DUPLICATE_LIABILITY",
  LIABILITY_NOT_IN_POLICY = "LIABILITY_NOT_IN_POLICY",
  POLICY_NOT_HELD_BY_PATIENT = "POLICY_NOT_HELD_BY_PATIENT",
}

export const policyErrorCodes = errorCodeSet("Policies", PolicyErrorCode, {
  POLICY_NUMBER_TAKEN: "Another policy has this number.",
  DUPLICATE_LIABILITY: "A liability code appears twice in the policy.",
  LIABILITY_NOT_IN_POLICY: "The liability belongs to another policy.",
  POLICY_NOT_HELD_BY_PATIENT: "The patient is not a member of this policy.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    policy: PolicyErrorCode;
  }
}
