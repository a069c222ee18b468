import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Verify = (rawBody: string, headers: Record<string, string | string[] | undefined>, secret: string) => boolean;

/**
 * Runs `fn` with Date.now() answering `ms`: the Standard Webhooks library reads the clock
 * itself for its replay window, and tests that play a day of deliveries move the receiver's
 * clock with the sender's. Synchronous, so nothing else runs while the clock is moved.
 */
function atClock<T>(ms: number, fn: () => T): T {
  const real = Date.now;
  Date.now = () => ms;
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}

/**
 * A partner's webhook endpoint as docs/partners.md tells partners to write it: verify the
 * signature with the documented snippet (examples/lab-client/src/verify-signature.ts),
 * answer 2xx quickly, and process each event id once.
 */
export class TestReceiver {
  url = "";
  secret = "";
  /** Every request that reached the endpoint, valid or not. */
  readonly requests: { eventId: string | undefined; signatureValid: boolean; body: string; host?: string }[] = [];
  /** Event id → times it was processed (must stay 1). */
  readonly processed = new Map<string, number>();
  /** The receiver's clock for the replay window (tests that move time move it too). */
  nowSeconds: () => number = () => Math.floor(Date.now() / 1000);
  private failuresLeft = 0;
  private alwaysFail = false;
  private server: Server | null = null;

  constructor(private readonly verify: Verify) {}

  static async withDocumentedVerifier(): Promise<TestReceiver> {
    const path = new URL("../../../../../examples/lab-client/src/verify-signature.ts", import.meta.url).href;
    const mod = (await import(/* @vite-ignore */ path)) as { verifyClinigraphWebhook: Verify };
    return new TestReceiver(mod.verifyClinigraphWebhook).start();
  }

  failNext(n: number): void {
    this.failuresLeft = n;
  }

  failAlways(on = true): void {
    this.alwaysFail = on;
  }

  acceptedEventIds(): string[] {
    return [...this.processed.keys()];
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const eventId = req.headers["webhook-id"] as string | undefined;
        const signatureValid = atClock(this.nowSeconds() * 1000, () => this.verify(body, req.headers, this.secret));
        this.requests.push({ eventId, signatureValid, body, host: req.headers.host });
        if (!signatureValid) return void res.writeHead(400).end("bad signature");
        if (this.alwaysFail || this.failuresLeft > 0) {
          this.failuresLeft = Math.max(0, this.failuresLeft - 1);
          return void res.writeHead(500).end("try later");
        }
        const id = (JSON.parse(body) as { id: string }).id;
        // Dedupe by event id: a redelivery of an event already handled is acknowledged, not redone.
        if (!this.processed.has(id)) this.processed.set(id, 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/clinigraph-webhooks`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
