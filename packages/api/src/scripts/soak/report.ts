import type { CheckResult } from "./checker.js";
import type { FaultReport } from "./faults.js";
import type { Workload } from "./workload.js";

export interface SoakSummary {
  seconds: number;
  rate: number;
  short: boolean;
  totalMs: number;
  faults: FaultReport[];
  work: Workload;
  checks: CheckResult[];
}

export function printReport(s: SoakSummary): void {
  const w = s.work;
  const lines = [
    "",
    `== soak report (${s.short ? "short" : "full"}: ${s.seconds} s at ${s.rate} req/s, total run ${(s.totalMs / 1000).toFixed(1)} s) ==`,
    `requests served: ${w.served}  succeeded: ${w.ok}  failed: ${w.served - w.ok}`,
    `acknowledged writes: ${w.creates.length} creates (${countBy(w.creates.map((c) => c.op))}), ${w.transitions.length} transitions`,
    "errors by kind:",
    ...([...w.errors].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(48)} ${n}`) || []),
    "faults:",
    ...(s.faults.length
      ? s.faults.map(
          (f) =>
            `  ${f.fault.padEnd(18)} ${f.recovered ? "" : "NOT RECOVERED "}ready after ${f.readyMs} ms, requests succeeding after ${f.recoveryMs} ms (${f.note})`,
        )
      : ["  none injected"]),
    "checks:",
    ...s.checks.map((c) => `  [${c.ok ? "PASS" : "FAIL"}] ${c.name}: ${c.detail}`),
    "",
  ];
  console.log(lines.join("\n"));
}

function countBy(items: string[]): string {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ${n}`).join(", ");
}
