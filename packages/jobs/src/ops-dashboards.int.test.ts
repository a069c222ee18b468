import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { QUEUE_NAMES } from "@clinigraph/api/domain";
import { startTestApi, type TestApi } from "@clinigraph/api/testing";
import { startJobsMetricsServer, type JobsMetricsServer } from "./metrics.js";
import type { JobsRuntime } from "./runtime.js";
import { createHarness, type Harness } from "./test-support/harness.fixtures.js";

/**
 * Issue 19: the Grafana dashboard and the Prometheus alert rules in ops/ ask only for
 * metrics the API's and the workers' /metrics really serve (names as exposed: a histogram
 * `x` serves `x_bucket`, `x_count`, `x_sum`), and name only queues that exist.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Series Prometheus makes itself, not served by any target. */
const PROMETHEUS_OWN = new Set(["up"]);
/** PromQL words that look like metric names: functions, aggregations, keywords, Grafana variables. */
const PROMQL_WORDS = new Set(
  `sum rate increase irate histogram_quantile max min avg count by without on ignoring group_left group_right
   clamp_min clamp_max min_over_time max_over_time avg_over_time label_values and or unless offset bool
   le instance job service`.split(/\s+/),
);

/** Metric names in a PromQL expression: identifiers not followed by "(" and not inside {…}, […] or "…". */
function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\[[^\]]*\]/g, "[]")
    .replace(/\bby\s*\([^)]*\)/g, "")
    .replace(/\$\w+/g, "");
  const names = [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1]!);
  return names.filter((n) => !PROMQL_WORDS.has(n) && !/^\d/.test(n) && !/^e\d+$/.test(n));
}

/** Every sample name an exposition can carry, from its # TYPE lines. */
function servedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === "histogram") for (const s of ["_bucket", "_count", "_sum"]) names.add(`${name}${s}`);
    else if (type === "summary") for (const s of ["", "_count", "_sum"]) names.add(`${name}${s}`);
    else names.add(name!);
  }
  return names;
}

interface Panel {
  title: string;
  type: string;
  targets?: { expr: string }[];
}
const dashboard = JSON.parse(read("ops/grafana/dashboards/clinigraph.json")) as {
  panels: Panel[];
  templating: { list: { query?: { query?: string } | string }[] };
};
const alerts = parse(read("ops/prometheus/alerts.yml")) as {
  groups: { rules: { alert: string; expr: string; annotations: { summary: string } }[] }[];
};
const dashboardExprs = [
  ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr }))),
  ...dashboard.templating.list.flatMap((v) =>
    typeof v.query === "object" && v.query?.query ? [{ where: "variable", expr: v.query.query }] : [],
  ),
];
const alertExprs = alerts.groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })));

let h: Harness;
let rt: JobsRuntime;
let jobsMetrics: JobsMetricsServer;
let api: TestApi;
let served: Set<string>;

beforeAll(async () => {
  h = await createHarness();
  rt = await h.start({ consume: ["orphanFiles"] });
  jobsMetrics = await startJobsMetricsServer(rt, 0, "127.0.0.1");
  api = await startTestApi();
  // A request, so that the API's per-request series exist as they would in production.
  await api.gql(`{ __typename }`);
  const [apiText, jobsText] = await Promise.all([
    fetch(`${api.url}/metrics`).then((r) => r.text()),
    fetch(`http://127.0.0.1:${jobsMetrics.port}/metrics`).then((r) => r.text()),
  ]);
  served = new Set([...servedNames(apiText), ...servedNames(jobsText)]);
});
afterAll(async () => {
  await jobsMetrics?.close();
  await h?.close();
  await api?.close();
});

describe("ops/ dashboards and alerts", () => {
  it("the metric-name reader finds names and skips functions, labels and ranges", () => {
    expect(
      metricsOf(
        'histogram_quantile(0.95, sum by (le, queue) (rate(clinigraph_job_wait_seconds_bucket{queue="x"}[5m]))) > 1e-9',
      ),
    ).toEqual(["clinigraph_job_wait_seconds_bucket"]);
    expect(metricsOf('up{job=~"clinigraph-.*"} == 0')).toEqual(["up"]);
  });

  it("the Grafana dashboard queries only metrics the API and the workers serve", () => {
    expect(dashboardExprs.length).toBeGreaterThan(10);
    const missing = dashboardExprs.flatMap(({ where, expr }) =>
      metricsOf(expr)
        .filter((m) => !served.has(m))
        .map((m) => `${where}: ${m}`),
    );
    expect(missing).toEqual([]);
    const used = new Set(dashboardExprs.flatMap(({ expr }) => metricsOf(expr)));
    // The list: rate/latency per operation, errors by code, pool, queue depth, job
    // latency and failures, outbox backlog, webhook failures.
    for (const m of [
      "clinigraph_graphql_operation_duration_seconds_count",
      "clinigraph_graphql_errors_total",
      "clinigraph_db_pool_connections",
      "clinigraph_queue_jobs",
      "clinigraph_job_duration_seconds_bucket",
      "clinigraph_job_failures_total",
      "clinigraph_outbox_backlog",
      "clinigraph_webhook_delivery_failures_total",
    ])
      expect(used).toContain(m);
  });

  it("the alert rules use only served metrics (or Prometheus' own `up`) and existing queue names", () => {
    const names = alertExprs.flatMap(({ expr }) => metricsOf(expr));
    expect(names.filter((m) => !served.has(m) && !PROMETHEUS_OWN.has(m))).toEqual([]);
    const queues = new Set<string>(Object.values(QUEUE_NAMES));
    const named = [...dashboardExprs, ...alertExprs].flatMap(({ expr }) =>
      [...expr.matchAll(/queue="([^"]+)"/g)].map((m) => m[1]!),
    );
    expect(named.filter((q) => !queues.has(q))).toEqual([]);
    const alertNames = alerts.groups.flatMap((g) => g.rules.map((r) => r.alert));
    for (const a of ["ClinigraphQueueBacklog", "ClinigraphGraphQLErrorRate", "ClinigraphExpiryJobFailing"])
      expect(alertNames).toContain(a);
  });
});
