import autocannon from "autocannon";

export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
  path?: string;
  method?: "GET" | "POST";
}

export interface LoadResult {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sqlPerRequest: number | null;
  /** Share of 2xx answers the compiled read path gave (`x-read-path: compiled`); null when none said. */
  compiledShare: number | null;
}

/**
 * Drives one endpoint with autocannon on loopback, bounded by duration and (optionally) a
 * request count. Non-2xx answers and GraphQL `errors` both count as errors; the server's
 * x-sql-statements header gives the statements per request.
 */
export async function load(
  url: string,
  requests: LoadRequest[],
  opts: { seconds: number; connections: number; amount?: number },
): Promise<LoadResult> {
  let sqlTotal = 0;
  let sqlSamples = 0;
  let graphqlErrors = 0;
  let answered = 0;
  let compiled = 0;
  let i = 0;
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    amount: opts.amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const r = requests[i++ % requests.length]!;
          return {
            ...req,
            method: r.method ?? "POST",
            path: r.path ?? "/graphql",
            body: r.body,
            headers: { "content-type": "application/json", ...r.headers },
          };
        },
        onResponse: (status: number, body: string, _ctx: object, headers?: import("node:http").IncomingHttpHeaders) => {
          const h = headers?.["x-sql-statements"];
          if (h !== undefined) {
            sqlTotal += Number(Array.isArray(h) ? h[0] : h);
            sqlSamples++;
          }
          if (status < 300 && body.startsWith('{"errors"')) graphqlErrors++;
          if (status < 300) {
            answered++;
            if (headers?.["x-read-path"] === "compiled") compiled++;
          }
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentileFrom(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
    sqlPerRequest: sqlSamples ? sqlTotal / sqlSamples : null,
    compiledShare: compiled ? compiled / answered : null,
  };
}

/** autocannon reports p90 and p97.5 but no p95; interpolate between them. */
function percentileFrom(result: autocannon.Result, _p: 95): number {
  const l = result.latency as unknown as Record<string, number>;
  return Math.round((l.p90! + (l.p97_5! - l.p90!) * (5 / 7.5)) * 100) / 100;
}
