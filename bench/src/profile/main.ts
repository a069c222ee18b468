/**
 * `pnpm bench:profile <file.cpuprofile> [--top 15]`: self time of a V8 CPU profile by
 * package (and the top functions), the table behind "what dominates" in docs/BENCHMARKS.md.
 */
import { readFileSync } from "node:fs";
import { numberFlag } from "../shared/options.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's time goes: V8's pseudo-frames, a package, Node's own modules, our code. */
export function bucketOf(frame: ProfileNode["callFrame"]): string {
  const { functionName, url } = frame;
  if (functionName === "(idle)") return "idle (waiting for I/O: Postgres, Redis, HTTP)";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8/native (program)";
  if (!url) return `native: ${functionName || "(anonymous)"}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url;
  const ours = /\/(packages\/[^/]+|bench|examples\/[^/]+)\//.exec(url);
  return ours ? ours[1]! : url;
}

function summarize(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const bucket = bucketOf(node.callFrame);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + dt);
    const fn = `${node.callFrame.functionName || "(anonymous)"} — ${bucket}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  });
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `| ${((100 * v) / total).toFixed(1)}% | ${k} |`)
      .join("\n");
  return [
    `profile: ${(total / 1e6).toFixed(1)} s sampled`,
    "",
    "| self time | package |",
    "|---|---|",
    rows(buckets),
    "",
    "| self time | function |",
    "|---|---|",
    rows(functions),
  ].join("\n");
}

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
if (!file) {
  console.error("usage: pnpm bench:profile <file.cpuprofile> [--top 15]");
  process.exit(2);
}
console.log(summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, numberFlag(argv, "top", 15)));
