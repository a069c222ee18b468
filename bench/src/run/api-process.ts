import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { BENCH_ENCRYPTION_KEY, BENCH_JWT_SECRET } from "../shared/credentials.js";

/** The API as production runs it: `node packages/api/dist/main.js`, NODE_ENV=production, explicit test secrets. */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private peakRssKb = 0;
  private sampler: NodeJS.Timeout | null = null;
  readonly url: string;

  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
    private readonly extraArgs: string[] = [],
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const require = createRequire(import.meta.url);
    // BENCH_API_MAIN: another build of the API (a before/after comparison on the same data).
    const main =
      process.env.BENCH_API_MAIN ?? path.resolve(path.dirname(require.resolve("@clinigraph/api/domain")), "main.js");
    this.child = spawn(process.execPath, [...this.extraArgs, main], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        JWT_SECRET: BENCH_JWT_SECRET,
        ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
        DATABASE_URL: this.databaseUrl,
        HOST: "127.0.0.1",
        PORT: String(this.port),
        LOG_LEVEL: "warn",
        ACCESS_TOKEN_TTL_SECONDS: "7200",
        // The bench measures the stack, not the rate limiter.
        RATE_LIMIT_POINTS: "1000000000",
        BENCH_COUNT_SQL: "1",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${this.url}/readyz`);
        if (res.ok) {
          this.sampler = setInterval(() => this.sampleRss(), 250);
          return;
        }
      } catch {
        // not listening yet
      }
      if (this.child.exitCode !== null) throw new Error(`API exited with ${this.child.exitCode}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("API did not become ready within 60 s");
  }

  private sampleRss(): void {
    const kb = this.rssKb();
    if (kb > this.peakRssKb) this.peakRssKb = kb;
  }

  rssKb(): number {
    if (!this.child?.pid) return 0;
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return 0;
    }
  }

  /** Peak RSS since the last call (MB), then restarts the peak from the current value. */
  takePeakRssMb(): number {
    const peak = Math.max(this.peakRssKb, this.rssKb());
    this.peakRssKb = this.rssKb();
    return Math.round(peak / 1024);
  }

  async stop(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
}
