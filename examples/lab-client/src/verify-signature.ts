import { createHmac, timingSafeEqual } from "node:crypto";

/** Deliveries older or newer than this are refused, so a captured request cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/**
 * Checks a Clinigraph webhook request. `rawBody` must be the exact bytes received (before
 * any JSON parsing), `header` the Clinigraph-Signature header, `secret` the whsec_… value
 * shown when the endpoint was created (or its secret last rotated).
 */
export function verifyClinigraphSignature(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(",").map((part) => {
      const eq = part.indexOf("=");
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const received = parts.get("v1");
  if (!Number.isInteger(timestamp) || !received) return false;
  if (Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(received, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
