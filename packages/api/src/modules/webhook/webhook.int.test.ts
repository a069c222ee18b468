import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { fire, issueOrder, orderIn, startKit, type Kit } from "../order/order.fixtures.js";
import { WebhookEndpoint, WebhookEvent } from "./webhook.entities.js";

const ENDPOINT_FIELDS = "id url events description active version organizationId";
const CREATE = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) {
  signingSecret webhookEndpoint { ${ENDPOINT_FIELDS} } userErrors { code field message } } }`;

interface Created {
  createWebhookEndpoint: {
    signingSecret: string | null;
    webhookEndpoint: { id: string; url: string; version: number; organizationId: string } | null;
    userErrors: { code: string }[];
  };
}

let kit: Kit;
beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "true";
  kit = await startKit();
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
  await kit?.api.close();
});

const create = (token: string, input: Record<string, unknown>) =>
  kit.q<Created>(
    CREATE,
    { i: { url: "http://127.0.0.1:9/hook", events: ["ORDER_ISSUED", "ORDER_STATUS_CHANGED"], ...input } },
    token,
  );

const events = (objectId: string) =>
  forkFor(kit.api.orm, SYSTEM).find(WebhookEvent, { objectId }, { orderBy: { occurredAt: "asc", id: "asc" } });

describe("webhook endpoints", () => {
  it("returns the signing secret once and stores it encrypted", async () => {
    const res = await create(kit.labAKey, { description: "LIMS" });
    expect(res.createWebhookEndpoint.userErrors).toEqual([]);
    const secret = res.createWebhookEndpoint.signingSecret!;
    expect(secret).toMatch(/^whsec_/);
    const row = await forkFor(kit.api.orm, SYSTEM).findOneOrFail(
      WebhookEndpoint,
      { id: res.createWebhookEndpoint.webhookEndpoint!.id },
      { populate: ["secretEnc"] },
    );
    expect(row.secretEnc).not.toContain(secret.slice(6));
    const rotated = await kit.q<{ rotateWebhookSecret: { signingSecret: string } }>(
      `mutation($i: WebhookEndpointRefInput!) { rotateWebhookSecret(input: $i) { signingSecret userErrors { code } } }`,
      { i: { id: row.id } },
      kit.labAKey,
    );
    expect(rotated.rotateWebhookSecret.signingSecret).toMatch(/^whsec_/);
    expect(rotated.rotateWebhookSecret.signingSecret).not.toBe(secret);
  });

  it("keeps one partner's endpoints invisible to another", async () => {
    const mine = (await create(kit.labAKey, {})).createWebhookEndpoint.webhookEndpoint!;
    const listB = await kit.q<{ webhookEndpoints: { nodes: { id: string }[] } }>(
      `{ webhookEndpoints(first: 50) { nodes { id } } }`,
      {},
      kit.labBKey,
    );
    expect(listB.webhookEndpoints.nodes.map((n) => n.id)).not.toContain(mine.id);
    const upd = await kit.q<{ updateWebhookEndpoint: { userErrors: { code: string }[] } }>(
      `mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { userErrors { code } } }`,
      { i: { id: mine.id, expectedVersion: mine.version, active: false } },
      kit.labBKey,
    );
    expect(upd.updateWebhookEndpoint.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
    const foreignOrg = await create(kit.labBKey, { organizationId: kit.labA.id });
    expect(foreignOrg.createWebhookEndpoint.userErrors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });

  it("lets operator staff register an endpoint on a partner's behalf, naming the partner", async () => {
    const missing = await create(kit.operator, {});
    expect(missing.createWebhookEndpoint.userErrors.map((e) => e.code)).toEqual(["ORGANIZATION_REQUIRED"]);
    const ok = await create(kit.operator, { organizationId: kit.labB.id });
    expect(ok.createWebhookEndpoint.webhookEndpoint!.organizationId).toBe(kit.labB.id);
  });

  it("refuses private and loopback targets unless WEBHOOK_ALLOW_PRIVATE is set", async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    try {
      for (const url of [
        "http://127.0.0.1:9/hook",
        "http://localhost:9/hook",
        "http://10.0.0.7/hook",
        "http://169.254.169.254/",
      ]) {
        const res = await create(kit.labAKey, { url });
        expect(
          res.createWebhookEndpoint.userErrors.map((e) => e.code),
          url,
        ).toEqual(["INVALID_WEBHOOK_URL"]);
      }
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "true";
    }
  });

  it("deletes an endpoint", async () => {
    const ep = (await create(kit.labAKey, {})).createWebhookEndpoint.webhookEndpoint!;
    const del = await kit.q<{ deleteWebhookEndpoint: { deletedId: string } }>(
      `mutation($i: WebhookEndpointRefInput!) { deleteWebhookEndpoint(input: $i) { deletedId userErrors { code } } }`,
      { i: { id: ep.id } },
      kit.labAKey,
    );
    expect(del.deleteWebhookEndpoint.deletedId).toBe(ep.id);
  });
});

describe("partner events", () => {
  it("records order.issued and status changes for the provider with the status and version the partner will read", async () => {
    let order = await issueOrder(kit);
    order = await fire(kit, kit.labAKey, order, "CONFIRM");
    const rows = await events(order.id);
    expect(rows.map((r) => [r.type, r.objectStatus, r.objectVersion])).toEqual([
      ["order.issued", "ISSUED", 1],
      ["order.status_changed", "CONFIRMED", order.version],
    ]);
    expect(rows.every((r) => r.organization.id === kit.labA.id)).toBe(true);
  });

  it("records a rejection as order.rejected", async () => {
    const rejected = await orderIn(kit, "REJECTED");
    const rows = await events(rejected.id);
    expect(rows.at(-1)).toMatchObject({
      type: "order.rejected",
      objectStatus: "REJECTED",
      objectVersion: rejected.version,
    });
  });
});
