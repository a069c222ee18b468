import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { sleep } from "./services.js";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function soakDatabaseUrl(): { name: string; url: string } {
  const name = `clinigraph_soak_${randomBytes(4).toString("hex")}`;
  return { name, url: `postgres://postgres@127.0.0.1:5432/${name}` };
}

export async function dropDatabase(name: string): Promise<void> {
  const c = new pg.Client(ADMIN_URL);
  await c.connect();
  try {
    await c.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await c.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a node script to completion (migrate, seed), failing loudly. */
export function runScript(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(script)} exited ${code}`))));
  });
}

/** A child service (API or worker) the soak can kill and start again under the same env. */
export class Service {
  child: ChildProcess | null = null;
  private output = "";
  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    this.output = "";
    const child = spawn(process.execPath, [this.script], { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (c: Buffer) => {
      this.output = (this.output + c.toString("utf8")).slice(-20_000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
  }

  /** Resolves when the child's output contains `marker` (its own "started" log line). */
  async waitFor(marker: string, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.output.includes(marker)) {
      if (Date.now() > until) throw new Error(`${this.name} did not log "${marker}":\n${this.output.slice(-2000)}`);
      if (this.child?.exitCode !== null)
        throw new Error(`${this.name} exited ${this.child?.exitCode}:\n${this.output.slice(-2000)}`);
      await sleep(100);
    }
  }

  /** Sends the signal and waits for the exit; SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals, graceMs = 30_000): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  get tail(): string {
    return this.output.slice(-3000);
  }
}
