import { errorCodeSet } from "../../platform/errors/error-codes.js";

/**
 * Codes for service codes named in orders, claims and estimates. Orders say
 * UNKNOWN_SERVICE_CODE and claims SERVICE_CODE_UNKNOWN for the same thing: both spellings
 * stay, since partners branch on them.
 */
export enum ServiceCodeErrorCode {
  UNKNOWN_SERVICE_CODE = "UNKNOWN_SERVICE_CODE",
  SERVICE_CODE_UNKNOWN = "SERVICE_CODE_UNKNOWN",
  AMBIGUOUS_SERVICE_CODE = "AMBIGUOUS_SERVICE_CODE",
  SERVICE_CODE_INACTIVE = "SERVICE_CODE_INACTIVE",
}

export const serviceCodeErrorCodes = errorCodeSet("Service codes", ServiceCodeErrorCode, {
  UNKNOWN_SERVICE_CODE: "An order's service code is not in the fee schedule.",
  SERVICE_CODE_UNKNOWN: "A claim line's or estimate's service code (SYSTEM:CODE) is not in the fee schedule.",
  AMBIGUOUS_SERVICE_CODE: "The code exists in several code systems: give the system too.",
  SERVICE_CODE_INACTIVE: "The service code is no longer active.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    serviceCode: ServiceCodeErrorCode;
  }
}
