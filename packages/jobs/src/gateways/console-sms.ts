import type { Logger } from "@clinigraph/api/domain";
import type { SmsGateway, SmsMessage, SmsResult } from "./sms-gateway.js";

/** Development default: logs the message and reports it sent. */
export class ConsoleSmsGateway implements SmsGateway {
  readonly name = "console";
  // Nothing leaves the machine, so a repeat is harmless.
  readonly idempotent = true;
  constructor(private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    this.logger.info(
      { to: message.to, idempotencyKey: message.idempotencyKey, body: message.body },
      "SMS (console gateway)",
    );
    return { providerMessageId: `console-${message.idempotencyKey}` };
  }
}
