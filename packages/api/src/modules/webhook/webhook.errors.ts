import { errorCodeSet } from "../../platform/errors/error-codes.js";

/** Codes for webhook endpoints. */
export enum WebhookErrorCode {
  TOO_MANY_WEBHOOK_ENDPOINTS = "TOO_MANY_WEBHOOK_ENDPOINTS",
  WEBHOOK_ENDPOINT_INACTIVE = "WEBHOOK_ENDPOINT_INACTIVE",
  INVALID_WEBHOOK_URL = "INVALID_WEBHOOK_URL",
}

export const webhookErrorCodes = errorCodeSet("Webhooks", WebhookErrorCode, {
  TOO_MANY_WEBHOOK_ENDPOINTS: "The organisation has the most endpoints allowed.",
  WEBHOOK_ENDPOINT_INACTIVE: "Re-enable the endpoint (`updateWebhookEndpoint` with `active: true`) first.",
  INVALID_WEBHOOK_URL: "The URL is not a public https URL we deliver to; the message says why.",
});

declare module "../../platform/errors/error-codes.js" {
  interface ErrorCodeCatalog {
    webhook: WebhookErrorCode;
  }
}
