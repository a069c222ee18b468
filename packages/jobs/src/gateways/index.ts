import type { Logger } from "@clinigraph/api/domain";
import type { JobsConfig } from "../config.js";
import { ConsoleSmsGateway } from "./console-sms.js";
import { EmailGateway } from "./email-gateway.js";
import { HttpSmsGateway } from "./http-sms.js";
import type { SmsGateway } from "./sms-gateway.js";
import { TwilioSmsGateway } from "./twilio-sms.js";

export interface Gateways {
  sms: SmsGateway;
  email: EmailGateway;
}

/** Picks the gateways named by the configuration. */
export function createGateways(config: JobsConfig, logger: Logger): Gateways {
  const timeoutMs = config.SMS_HTTP_TIMEOUT_MS;
  let sms: SmsGateway;
  switch (config.SMS_GATEWAY) {
    case "http":
      sms = new HttpSmsGateway({ url: config.SMS_HTTP_URL!, token: config.SMS_HTTP_TOKEN, timeoutMs });
      break;
    case "twilio":
      sms = new TwilioSmsGateway({
        accountSid: config.TWILIO_ACCOUNT_SID!,
        authToken: config.TWILIO_AUTH_TOKEN!,
        from: config.TWILIO_FROM!,
        apiUrl: config.TWILIO_API_URL,
        timeoutMs,
      });
      break;
    case "console":
      sms = new ConsoleSmsGateway(logger);
      break;
  }
  return { sms, email: new EmailGateway(config.EMAIL_TRANSPORT, config.EMAIL_FROM, logger) };
}
