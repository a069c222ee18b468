/** Command-line flags shared by `bench:data` and `bench` (`--name value`). */
export function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

export function numberFlag(argv: readonly string[], name: string, fallback: number): number {
  const raw = flag(argv, name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
  return n;
}

export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function benchDatabaseName(argv: readonly string[]): string {
  const name = flag(argv, "db") ?? process.env.BENCH_DATABASE ?? "clinigraph_bench";
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db must be a plain lowercase identifier, got ${name}`);
  return name;
}

export function databaseUrl(name: string): string {
  return ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
}
