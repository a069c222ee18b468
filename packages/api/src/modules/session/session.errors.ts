import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for staff sign-in. */
export enum SessionErrorCode {
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN",
}

export const sessionErrorCodes = errorCodeSet("Staff sessions", SessionErrorCode, {
  INVALID_CREDENTIALS: "E-mail or password is wrong.",
  INVALID_REFRESH_TOKEN: "The refresh token is invalid or expired: log in again.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    session: SessionErrorCode;
  }
}
