/**
 * The lab client: processes every new order (confirm → start evaluation → PDF report →
 * submit) and, with WEBHOOK_PUBLIC_URL set, listens for order.rejected webhooks and
 * resubmits with a corrected report.
 *
 *   CLINIGRAPH_API_URL=http://localhost:4000 CLINIGRAPH_API_KEY=ck_… pnpm --filter @clinigraph/example-lab-client start
 */
import { ClinigraphClient } from "./client.js";
import { handleRejection, newOrders, processOrder, registerRejectionWebhook } from "./lab-flow.js";
import { startWebhookServer } from "./webhook-server.js";

const apiUrl = process.env.CLINIGRAPH_API_URL ?? "http://localhost:4000";
const apiKey = process.env.CLINIGRAPH_API_KEY ?? "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";
const limit = Number(process.env.ORDER_LIMIT ?? "5");
const api = new ClinigraphClient(apiUrl, apiKey);

for (const order of await newOrders(api, limit)) {
  try {
    const done = await processOrder(api, order);
    console.log(`${done.number}: ${done.status}`);
  } catch (err) {
    console.error(`${order.number}: ${(err as Error).message}`);
  }
}

const publicUrl = process.env.WEBHOOK_PUBLIC_URL;
if (publicUrl) {
  let secret = "";
  const port = Number(process.env.WEBHOOK_PORT ?? "8787");
  await startWebhookServer(
    port,
    () => secret,
    async (event) => {
      if (event.type !== "order.rejected") return;
      const handled = await handleRejection(api, event.object.id);
      const why = handled?.rejection ? ` (${handled.rejection.code}: ${handled.rejection.text})` : "";
      console.log(`rejection of ${event.object.id}${why} handled: ${handled?.order.status ?? "not found"}`);
    },
  );
  const { endpointId, signingSecret } = await registerRejectionWebhook(api, publicUrl);
  // Null when the endpoint already existed (an idempotent replay after a restart): this
  // client keeps the secret in memory only, so it asks for a new one.
  secret =
    signingSecret ??
    (
      await api.mutate<{ signingSecret: string }>(
        "rotateWebhookSecret",
        `mutation($i: WebhookEndpointRefInput!) { rotateWebhookSecret(input: $i) { signingSecret userErrors { code field message } } }`,
        { i: { id: endpointId } },
      )
    ).signingSecret;
  console.log(`listening for order.rejected on :${port} (${publicUrl}); Ctrl-C to stop`);
}
