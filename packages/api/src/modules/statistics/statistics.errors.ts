import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for the monthly statistics and their export. */
export enum StatisticsErrorCode {
  INVALID_MONTH = "INVALID_MONTH",
  INVALID_MONTH_RANGE = "INVALID_MONTH_RANGE",
}

export const statisticsErrorCodes = errorCodeSet("Statistics", StatisticsErrorCode, {
  INVALID_MONTH: "A month is written YYYY-MM, e.g. 2026-03.",
  INVALID_MONTH_RANGE: "monthFrom is after monthTo, or the range spans more than 36 months.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    statistics: StatisticsErrorCode;
  }
}
