import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for staff sign-in. */
export enum SessionErrorCode {
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN",
  NOT_YOUR_BRANCH = "NOT_YOUR_BRANCH",
}

export const sessionErrorCodes = errorCodeSet("Staff sessions", SessionErrorCode, {
  INVALID_CREDENTIALS: "E-mail or password is wrong.",
  INVALID_REFRESH_TOKEN: "The refresh token is invalid or expired: log in again.",
  NOT_YOUR_BRANCH: "The branch named is not one the user works in: choose one of `viewer.branches`.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    session: SessionErrorCode;
  }
}
