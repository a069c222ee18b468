import { GraphQLError } from "graphql";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { forbidden } from "../../platform/auth/auth-checker.js";
import { isPartner, isStaff, principalKey, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { forkFor } from "../../platform/db/orm.js";
import type { AppContext } from "../../platform/graphql/context.js";
import { TopLevelErrorCode } from "../../platform/errors/top-level.errors.js";
import { readsInFull } from "../../platform/auth/sensitive-fields.js";
import type { ReadAudit } from "../../platform/audit/read-audit.js";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";

/**
 * National ids (SPEC §7, issue 14 item 5). Several national ids embed the birth date
 * (Bulgarian ЕГН = YYMMDD + 4 digits, Chinese 身份证号 = region + YYYYMMDD + 4), so any
 * shown digit combined with `birthDate` rebuilds them. Whoever may not read the id in full
 * sees this fixed mask: no digit, and not even the length, of the real id.
 */
export const NATIONAL_ID_MASK = "••••••••";

/**
 * Full national ids: ADMIN and REVIEWER staff and the partner that registered the patient
 * (platform/auth/sensitive-fields.ts), every read audited.
 */
export function seesNationalId(p: Principal, registeredBy: string | null): boolean {
  return readsInFull("Patient.nationalId", p, registeredBy);
}

/**
 * The national id as this reader is told it: in full (and the read audited) or the mask;
 * null when none is stored. One rule for the resolver and the compiled read path.
 */
export function nationalIdAs(
  patient: { id: string; nationalIdEnc?: string | null },
  registeredBy: string | null,
  principal: Principal,
  readAudit: Pick<ReadAudit, "record">,
): string | null {
  if (!patient.nationalIdEnc) return null;
  if (!seesNationalId(principal, registeredBy)) return NATIONAL_ID_MASK;
  const plain = fieldCipher().decrypt(patient.nationalIdEnc);
  // Written with the request's other read audits in one insert before the response leaves.
  readAudit.record({ action: "patient.read.nationalId", entityType: "Patient", entityId: patient.id });
  return plain;
}

/** Whether the declared policy number is confirmed; null when no policy was declared. */
export function declaredPolicyVerifiedOf(p: {
  declaredPolicyNumber?: string | null;
  declaredPolicyConfirmedAt?: Date | null;
}): boolean | null {
  if (!p.declaredPolicyNumber) return null;
  return !!p.declaredPolicyConfirmedAt;
}

/** Exact-id lookups: at most this many per principal per window, every one audited. */
export const NATIONAL_ID_LOOKUP_LIMIT = { points: 20, windowSeconds: 600 } as const;

const limiters = new WeakMap<Redis, RateLimiterRedis>();
function limiterFor(redis: Redis): RateLimiterRedis {
  let limiter = limiters.get(redis);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: "rl:nid",
      points: NATIONAL_ID_LOOKUP_LIMIT.points,
      duration: NATIONAL_ID_LOOKUP_LIMIT.windowSeconds,
    });
    limiters.set(redis, limiter);
  }
  return limiter;
}

/**
 * Who may look a patient up by exact national id, and among which rows: operator staff
 * (ADMIN, OPERATOR) among all patients; a partner only among the patients it registered
 * itself (a clinic or hospital finding its own patient before registering a duplicate).
 * Everyone else (VISITOR, BILLING, REVIEWER) gets FORBIDDEN: the filter is an oracle that
 * confirms guesses.
 */
export function nationalIdLookupRows(p: Principal): "ALL" | { registeredBy: string } {
  if (isStaff(p, "OPERATOR")) return "ALL";
  if (isPartner(p)) return { registeredBy: p.organizationId };
  throw forbidden("Looking patients up by national id is for operator staff and the registering partner.");
}

/** Counts the lookup against the principal's budget; over it, a top-level RATE_LIMITED with HTTP 429. */
export async function consumeNationalIdLookup(ctx: AppContext): Promise<void> {
  try {
    await limiterFor(ctx.redis).consume(principalKey(ctx.principal));
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) {
      // Fail closed: an unlimited oracle is worse than a lookup refused while Redis is down.
      ctx.logger.warn({ err: res }, "national id lookup limiter unavailable");
      throw new GraphQLError("National id lookups are unavailable right now; retry later.", {
        extensions: { code: TopLevelErrorCode.RATE_LIMITED, retryAfterSeconds: 60, http: { status: 429 } },
      });
    }
    const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new GraphQLError(`National id lookup limit exceeded; retry after ${retryAfter} s.`, {
      extensions: {
        code: TopLevelErrorCode.RATE_LIMITED,
        retryAfterSeconds: retryAfter,
        http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
      },
    });
  }
}

/** One audit row per lookup, written before the search runs; never the id itself nor its hash. */
export async function auditNationalIdLookup(ctx: AppContext): Promise<void> {
  const em = forkFor(ctx.orm, ctx.principal);
  recordAudit(em, ctx.principal, ctx.requestId, {
    action: "patient.lookup.nationalId",
    entityType: "Patient",
    changes: { filter: "nationalId" },
  });
  await em.flush();
}
