import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { API_KEY_SQL, LAB_ORDERS_SQL, LIMITS_SQL, ORDER_SQL, TRAY_COUNT_SQL, TRAY_PAGE_SQL } from "./raw-sql.js";
import { sha256Hex } from "../shared/credentials.js";

/**
 * The hand-written baseline: one HTTP endpoint per read scenario that runs the equivalent
 * SQL over `pg` and returns its JSON. Same loopback, same load generator as the API.
 */
export async function startRawServer(databaseUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  // Without JIT, as the API's own connections (platform/db/orm.ts sessionTimeouts): the
  // comparison is of the statements and the stack, not of a server setting.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: "-c jit=off" });
  const server = http.createServer((req, res) => {
    void handle(pool, req).then(
      (json) => res.writeHead(200, { "content-type": "application/json" }).end(json),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}

async function handle(pool: pg.Pool, req: http.IncomingMessage): Promise<string> {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  const body = JSON.parse(raw || "{}") as Record<string, string>;
  switch (req.url) {
    case "/lab-orders": {
      // The API key check a hand-written service would do too.
      const [, prefix, secret] = /^Bearer ck_([A-Za-z0-9]{8})_(.+)$/.exec(String(req.headers.authorization)) ?? [];
      const key = await pool.query<{ organization_id: string }>(API_KEY_SQL, [prefix, sha256Hex(secret ?? "")]);
      if (!key.rows[0]) throw new Error("bad key");
      const page = await pool.query<{ j: unknown }>(LAB_ORDERS_SQL, [key.rows[0].organization_id, 50]);
      return JSON.stringify(page.rows[0]?.j ?? []);
    }
    case "/limits": {
      const [, prefix, secret] = /^Bearer ck_([A-Za-z0-9]{8})_(.+)$/.exec(String(req.headers.authorization)) ?? [];
      const key = await pool.query<{ organization_id: string }>(API_KEY_SQL, [prefix, sha256Hex(secret ?? "")]);
      if (!key.rows[0]) throw new Error("bad key");
      return JSON.stringify((await pool.query(LIMITS_SQL, [key.rows[0].organization_id, 100])).rows[0]?.j ?? null);
    }
    case "/order":
      return JSON.stringify((await pool.query(ORDER_SQL, [body.id])).rows[0]?.j ?? null);
    case "/tray": {
      const [page, count] = await Promise.all([
        pool.query(TRAY_PAGE_SQL, [body.specialty ?? null, 50]),
        pool.query(TRAY_COUNT_SQL, [body.specialty ?? null]),
      ]);
      return JSON.stringify({ totalCount: count.rows[0].n, nodes: page.rows[0].j });
    }
    default:
      throw new Error(`no route ${req.url}`);
  }
}
