import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for an organisation named in an input that is of the wrong kind or inactive. */
export enum OrganizationErrorCode {
  ORGANIZATION_INACTIVE = "ORGANIZATION_INACTIVE",
  ORGANIZATION_REQUIRED = "ORGANIZATION_REQUIRED",
  INVALID_ORGANIZATION = "INVALID_ORGANIZATION",
  NOT_A_HOSPITAL = "NOT_A_HOSPITAL",
  NOT_A_PROVIDER = "NOT_A_PROVIDER",
  NOT_A_PARTNER = "NOT_A_PARTNER",
  NOT_AN_INSURER = "NOT_AN_INSURER",
}

export const organizationErrorCodes = errorCodeSet("Organisations", OrganizationErrorCode, {
  ORGANIZATION_INACTIVE: "The organisation named is inactive.",
  ORGANIZATION_REQUIRED: "Name the organisation the operation is for (`organizationId`).",
  INVALID_ORGANIZATION: "The organisation named is not a partner organisation (webhooks are for partners).",
  NOT_A_HOSPITAL: "The organisation named must be an active hospital.",
  NOT_A_PROVIDER: "The organisation named must be a clinic, lab, specialist or hospital.",
  NOT_A_PARTNER: "API keys are for partner organisations; staff sign in instead.",
  NOT_AN_INSURER: "The organisation named must be an insurer.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    organization: OrganizationErrorCode;
  }
}
