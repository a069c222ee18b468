import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "@clinigraph/api/domain";
import { PermanentDeliveryError, RetryableDeliveryError } from "./sms-gateway.js";

export interface EmailMessage {
  readonly idempotencyKey: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * E-mail through nodemailer: an SMTP URL in production, `console` (JSON transport,
 * logged) in development. The notification id travels as the Message-ID so a resend
 * after a crash is recognisable as the same message by the receiving side.
 */
export class EmailGateway {
  private readonly transport: Transporter;
  private readonly isConsole: boolean;
  constructor(
    transportUrl: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    this.isConsole = transportUrl === "console";
    this.transport = this.isConsole
      ? nodemailer.createTransport({ jsonTransport: true })
      : nodemailer.createTransport(transportUrl);
  }

  async send(message: EmailMessage): Promise<{ providerMessageId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.idempotencyKey}@clinigraph>`,
      });
      if (this.isConsole)
        this.logger.info({ mail: JSON.parse(String(info.message)) as unknown }, "e-mail (console transport)");
      return { providerMessageId: info.messageId };
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      // 5xx SMTP replies are final (no such mailbox, rejected); the rest is transient.
      if (e.responseCode && e.responseCode >= 500)
        throw new PermanentDeliveryError(e.message, `SMTP_${e.responseCode}`);
      throw new RetryableDeliveryError(e.message);
    }
  }

  close(): void {
    this.transport.close();
  }
}
