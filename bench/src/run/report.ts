import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

export interface Row {
  scenario: string;
  throughput: string;
  p50: string;
  p95: string;
  p99: string;
  errors: string;
  sqlPerRequest: string;
  /** Share of answers from the compiled read path. */
  compiled: string;
  rssMb: string;
  baseline: string;
  ratio: string;
  raw?: unknown;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

const COLUMNS: [keyof Row, string][] = [
  ["scenario", "scenario"],
  ["throughput", "throughput"],
  ["p50", "p50 ms"],
  ["p95", "p95 ms"],
  ["p99", "p99 ms"],
  ["errors", "errors"],
  ["sqlPerRequest", "SQL/req"],
  ["compiled", "compiled"],
  ["rssMb", "API RSS MB"],
  ["baseline", "baseline (raw)"],
  ["ratio", "ratio"],
];

/** A Markdown table (readable in a terminal and pasteable into docs/BENCHMARKS.md). */
export function table(rows: Row[]): string {
  const head = `| ${COLUMNS.map(([, h]) => h).join(" | ")} |`;
  const sep = `|${COLUMNS.map(() => "---").join("|")}|`;
  return [head, sep, ...rows.map((r) => `| ${COLUMNS.map(([k]) => String(r[k] ?? "")).join(" | ")} |`)].join("\n");
}

export function writeResults(rows: Row[], meta: Record<string, unknown>): string {
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify({ ...meta, machine: machine(), rows }, null, 2));
  return file;
}

export const ms = (n: number) => n.toFixed(1);
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "n/a");
