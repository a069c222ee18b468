import { errorCodeSet } from "../../platform/errors/error-codes.js";

/**
 * Why a patient is not eligible: the `reasons` of checkEligibility and estimateCost, and the
 * userErrors that follow NOT_ELIGIBLE when a claim is submitted. An unknown or inactive
 * service code and a liability of another policy are reasons too, with the codes declared
 * by service-code and policy.
 */
export enum EligibilityErrorCode {
  PATIENT_NOT_FOUND = "PATIENT_NOT_FOUND",
  MEMBERSHIP_NOT_VERIFIED = "MEMBERSHIP_NOT_VERIFIED",
  POLICY_NOT_FOUND = "POLICY_NOT_FOUND",
  NO_POLICY = "NO_POLICY",
  PATIENT_NOT_MEMBER = "PATIENT_NOT_MEMBER",
  POLICY_NOT_ACTIVE = "POLICY_NOT_ACTIVE",
  COVERAGE_NOT_ACTIVE_ON_DATE = "COVERAGE_NOT_ACTIVE_ON_DATE",
  ANNUAL_LIMIT_EXHAUSTED = "ANNUAL_LIMIT_EXHAUSTED",
}

export const eligibilityErrorCodes = errorCodeSet("Eligibility and estimates", EligibilityErrorCode, {
  PATIENT_NOT_FOUND: "No such patient in your scope.",
  MEMBERSHIP_NOT_VERIFIED:
    "The patient declared a policy at intake; the insurer or the operator has not confirmed the membership yet.",
  POLICY_NOT_FOUND: "No such policy in your scope.",
  NO_POLICY: "The patient has no policy in force on the date.",
  PATIENT_NOT_MEMBER: "The patient is not a (verified) member of the policy.",
  POLICY_NOT_ACTIVE: "The policy is not ACTIVE.",
  COVERAGE_NOT_ACTIVE_ON_DATE: "The date lies outside the policy's validity.",
  ANNUAL_LIMIT_EXHAUSTED: "A liability's annual limit is used up for this policy year.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    eligibility: EligibilityErrorCode;
  }
}
