import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An SMS gateway that, like a real one, delivers one message per Idempotency-Key. It
 * counts every POST per key (retries included) and every delivery, so the checker can
 * prove each reminder reached the patient exactly once.
 */
export class FakeSmsGateway {
  readonly posts = new Map<string, number>();
  readonly delivered = new Map<string, number>();
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"] ?? "");
      if (!key) {
        res.writeHead(400).end("missing idempotency-key");
        return;
      }
      this.posts.set(key, (this.posts.get(key) ?? 0) + 1);
      if (!this.delivered.has(key)) this.delivered.set(key, 1);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `fake-${key}` }));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }
  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
