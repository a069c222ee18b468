import {
  classifyHttpFailure,
  fetchWithTimeout,
  PermanentDeliveryError,
  type SmsGateway,
  type SmsMessage,
  type SmsResult,
} from "./sms-gateway.js";

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  apiUrl: string;
  timeoutMs: number;
}

/**
 * Twilio's Messages API over fetch (form-encoded POST, basic auth), no SDK. Twilio has
 * no idempotency key for sending, so a row found SENDING after a crash is not resent
 * with this gateway (at most once; see docs/jobs.md).
 */
export class TwilioSmsGateway implements SmsGateway {
  readonly name = "twilio";
  readonly idempotent = false;
  constructor(private readonly options: TwilioOptions) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const { accountSid, authToken, from, apiUrl, timeoutMs } = this.options;
    const res = await fetchWithTimeout(
      `${apiUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
        },
        body: new URLSearchParams({ To: message.to, From: from, Body: message.body }).toString(),
      },
      timeoutMs,
    );
    const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
    if (!res.ok) {
      // 21610: the recipient replied STOP; 21211: invalid number. Both are final.
      if (json.code === 21610) throw new PermanentDeliveryError("recipient opted out", "OPTED_OUT");
      if (json.code === 21211) throw new PermanentDeliveryError("invalid phone number", "INVALID_NUMBER");
      throw classifyHttpFailure(res.status, json.message ?? "");
    }
    return { providerMessageId: json.sid ?? message.idempotencyKey };
  }
}
