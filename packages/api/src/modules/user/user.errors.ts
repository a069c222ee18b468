import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for staff users (operator console). */
export enum StaffUserErrorCode {
  EMAIL_TAKEN = "EMAIL_TAKEN",
  CANNOT_DEACTIVATE_SELF = "CANNOT_DEACTIVATE_SELF",
  NOT_A_VISITOR = "NOT_A_VISITOR",
  NOT_A_PARTNER_USER = "NOT_A_PARTNER_USER",
  NOT_A_STAFF_USER = "NOT_A_STAFF_USER",
}

export const userErrorCodes = errorCodeSet("Staff users", StaffUserErrorCode, {
  EMAIL_TAKEN: "Another user has this e-mail.",
  CANNOT_DEACTIVATE_SELF: "You cannot deactivate yourself.",
  NOT_A_VISITOR: "The user must be an active user with the VISITOR role.",
  NOT_A_PARTNER_USER: "The user is operator staff; manage it with updateUser.",
  NOT_A_STAFF_USER: "The user belongs to a partner organisation: it takes partner roles (updatePartnerUser).",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    user: StaffUserErrorCode;
  }
}
