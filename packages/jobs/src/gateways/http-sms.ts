import {
  classifyHttpFailure,
  fetchWithTimeout,
  type SmsGateway,
  type SmsMessage,
  type SmsResult,
} from "./sms-gateway.js";

export interface HttpSmsOptions {
  url: string;
  token?: string;
  timeoutMs: number;
}

/**
 * A generic HTTP gateway: POST {to, body} as JSON with a bearer token and an
 * Idempotency-Key header; the gateway must deliver one message per key. 2xx = sent
 * (the JSON answer may carry `id` or `messageId`), 4xx = permanent, 5xx/timeout = retry.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly name = "http";
  readonly idempotent = true;
  constructor(private readonly options: HttpSmsOptions) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const res = await fetchWithTimeout(
      this.options.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": message.idempotencyKey,
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, body: message.body }),
      },
      this.options.timeoutMs,
    );
    const text = await res.text();
    if (!res.ok) throw classifyHttpFailure(res.status, text.slice(0, 200));
    let id: string | undefined;
    try {
      const json = JSON.parse(text) as { id?: unknown; messageId?: unknown };
      id = typeof json.id === "string" ? json.id : typeof json.messageId === "string" ? json.messageId : undefined;
    } catch {
      // A 2xx without JSON still means accepted.
    }
    return { providerMessageId: id ?? message.idempotencyKey };
  }
}
