import { createServer, type Server } from "node:http";
import { verifyClinigraphWebhook } from "./verify-signature.js";

export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  object: { type: string; id: string; status: string; version: number };
}

/**
 * The lab's webhook endpoint: verifies the signature, answers 204 at once, and hands
 * each event id to `handle` once (a real integration keeps the seen ids in its database).
 */
export function startWebhookServer(
  port: number,
  getSecret: () => string,
  handle: (e: WebhookEvent) => Promise<void>,
): Promise<Server> {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (!verifyClinigraphWebhook(raw, req.headers, getSecret())) {
        res.writeHead(400).end("bad signature");
        return;
      }
      res.writeHead(204).end();
      const event = JSON.parse(raw) as WebhookEvent;
      if (seen.has(event.id)) return;
      seen.add(event.id);
      handle(event).catch((err: unknown) => console.error(`webhook ${event.type} ${event.id} failed:`, err));
    });
  });
  return new Promise((resolve) => server.listen(port, "0.0.0.0", () => resolve(server)));
}
