import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Delivery {
  to: string;
  body: string;
  at: Date;
}

/**
 * A local SMS vendor for tests, speaking the `http` gateway's protocol. Like a real
 * vendor it delivers each Idempotency-Key once (a repeat gets the first answer back),
 * and it can be told to fail the next requests or to run a hook before answering.
 */
export class FakeSmsGateway {
  readonly deliveries = new Map<string, Delivery>();
  requests = 0;
  private readonly failures: number[] = [];
  /** Runs after the delivery is recorded and before the answer is sent. */
  beforeAnswer: ((key: string) => Promise<void>) | null = null;
  private server!: http.Server;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
    return this;
  }

  /** The next requests are answered with these statuses, one each, without delivering. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += String(chunk);
    this.requests++;
    const key = String(req.headers["idempotency-key"] ?? "");
    if (req.headers.authorization !== "Bearer test-token") {
      res.writeHead(401).end("bad token");
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      res
        .writeHead(failure, { "content-type": "application/json" })
        .end(JSON.stringify({ error: `simulated ${failure}` }));
      return;
    }
    const { to, body } = JSON.parse(raw) as { to: string; body: string };
    if (!this.deliveries.has(key)) this.deliveries.set(key, { to, body, at: new Date() });
    if (this.beforeAnswer) await this.beforeAnswer(key);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `msg-${key}` }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
