import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { MikroORM } from "@mikro-orm/postgresql";

/**
 * Prometheus metrics (prom-client), one registry per process: the API serves it at
 * GET /metrics on its port, the workers on their own port (JOBS_METRICS_PORT). Both carry
 * `service` as a label and the Node process metrics; docs/OPERATIONS.md lists the rest.
 */
export function createMetricsRegistry(service: "api" | "jobs"): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** Postgres pool use, read at scrape time from the ORM's knex pool. */
export function registerDbPoolMetrics(registry: Registry, orm: MikroORM): void {
  new Gauge({
    name: "clinigraph_db_pool_connections",
    help: "Postgres pool connections by state (used, free, pending acquires, max).",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
      if (!pool) return;
      this.set({ state: "used" }, pool.numUsed());
      this.set({ state: "free" }, pool.numFree());
      this.set({ state: "pending" }, pool.numPendingAcquires());
      this.set({ state: "max" }, pool.max);
    },
  });
}

/**
 * A label value from an open set (a GraphQL operation name is the client's choice): the
 * first `max` distinct values are kept, later ones become "other", so a client cannot
 * grow the series without bound.
 */
export function boundedLabel(max: number): (value: string | null | undefined) => string {
  const seen = new Set<string>();
  return (value) => {
    if (!value) return "anonymous";
    const clean = value.replace(/[^\w.-]/g, "_").slice(0, 64);
    if (seen.has(clean)) return clean;
    if (seen.size >= max) return "other";
    seen.add(clean);
    return clean;
  };
}
