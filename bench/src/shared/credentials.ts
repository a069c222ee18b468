import { createHash } from "node:crypto";

/**
 * The bench's known credentials, derived (not random) so the generator and the runner
 * agree without a file between them. Test values only: the bench database is local.
 */
export const STAFF_PASSWORD = "bench-Password-2026!";
export const STAFF_USERS = [
  { email: "operator@bench.local", roles: ["OPERATOR"] },
  { email: "admin@bench.local", roles: ["ADMIN"] },
  { email: "billing@bench.local", roles: ["BILLING"] },
  { email: "reviewer@bench.local", roles: ["REVIEWER"] },
] as const;

/** Labs 0..KEYED_LABS-1 get an API key each. */
export const KEYED_LABS = 20;

export function labKeyPrefix(labIndex: number): string {
  return `bnch${String(labIndex).padStart(4, "0")}`;
}

export function labKeySecret(labIndex: number): string {
  return `bench-secret-${String(labIndex).padStart(4, "0")}-0123456789abcdef`;
}

/** The bearer token a lab sends: ck_<prefix>_<secret>. */
export function labApiKey(labIndex: number): string {
  return `ck_${labKeyPrefix(labIndex)}_${labKeySecret(labIndex)}`;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Test-only secrets for the API started in production mode by the bench. */
export const BENCH_JWT_SECRET = "bench-only-jwt-secret-0123456789abcdefghijkl";
export const BENCH_ENCRYPTION_KEY = Buffer.from("bench-only-encryption-key-32byte").toString("base64");
