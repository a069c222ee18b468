import type { EntityManager } from "@mikro-orm/postgresql";
import { Decimal } from "decimal.js";
import { DateTime } from "luxon";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { Claim } from "../claim/claim.entity.js";
import { APPROVED_STATES } from "../claim/claim.enums.js";
import { money } from "../claim/engine/index.js";
import type { CollectionBucket, DailyCollection } from "./payment.types.js";
import { Payment } from "./payment.entity.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

/** Time zones span UTC−12 to UTC+14: this window holds every organisation's local day. */
const WIDEST_OFFSET_HOURS = 14;

interface Group {
  org: string;
  currency: string;
  buckets: Map<string, CollectionBucket>;
  patient: Decimal;
  insurer: Decimal;
  outstandingPatient: Decimal;
  outstandingInsurer: Decimal;
  outstandingClaims: number;
}

/**
 * dailyCollections (dental seed step 18): per registering organisation and currency, the
 * payments received on `date` in that organisation's time zone, by payer and method, and
 * what approved or settled claims still owe. Reads go through the request's scoped
 * EntityManager, so a partner only ever gets its own organisation.
 */
export async function dailyCollections(
  em: EntityManager,
  date: string,
  organizationId?: string | null,
): Promise<DailyCollection[]> {
  const day = DateTime.fromISO(date, { zone: "UTC" });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new DomainError(PlatformErrorCode.VALIDATION_FAILED, "date: must be YYYY-MM-DD", ["date"]);
  const orgFilter = organizationId ? { organization: organizationId } : {};
  const payments = await em.find(Payment, {
    ...orgFilter,
    receivedAt: {
      $gte: day.minus({ hours: WIDEST_OFFSET_HOURS }).toJSDate(),
      $lt: day.plus({ days: 1, hours: WIDEST_OFFSET_HOURS }).toJSDate(),
    },
  });
  const owing = await em.find(Claim, {
    ...(organizationId ? { registeredBy: organizationId } : {}),
    status: { $in: [...APPROVED_STATES] },
    $or: [{ outstandingPatient: { $gt: "0" } }, { outstandingInsurer: { $gt: "0" } }],
  });
  const orgIds = [
    ...new Set([...payments.map((p) => refId(p.organization)!), ...owing.map((c) => refId(c.registeredBy)!)]),
  ];
  const zones = new Map((await em.find(Organization, { id: { $in: orgIds } })).map((o) => [o.id, o.timeZone]));
  const groups = new Map<string, Group>();
  const groupOf = (org: string, currency: string): Group => {
    const key = `${org}:${currency}`;
    let g = groups.get(key);
    if (!g) {
      const zero = new Decimal(0);
      g = {
        org,
        currency,
        buckets: new Map(),
        patient: zero,
        insurer: zero,
        outstandingPatient: zero,
        outstandingInsurer: zero,
        outstandingClaims: 0,
      };
      groups.set(key, g);
    }
    return g;
  };

  for (const p of payments) {
    const org = refId(p.organization)!;
    const localDay = DateTime.fromJSDate(p.receivedAt, { zone: zones.get(org) ?? "UTC" }).toISODate();
    if (localDay !== date) continue;
    const g = groupOf(org, p.currency);
    const key = `${p.payer}:${p.method}`;
    const bucket = g.buckets.get(key) ?? { payer: p.payer, method: p.method, amount: "0", count: 0 };
    bucket.amount = new Decimal(bucket.amount).plus(p.amount).toFixed();
    bucket.count += 1;
    g.buckets.set(key, bucket);
    if (p.payer === "INSURER") g.insurer = g.insurer.plus(p.amount);
    else g.patient = g.patient.plus(p.amount);
  }
  for (const c of owing) {
    const g = groupOf(refId(c.registeredBy)!, c.currency);
    g.outstandingPatient = g.outstandingPatient.plus(Decimal.max(0, c.outstandingPatient));
    g.outstandingInsurer = g.outstandingInsurer.plus(Decimal.max(0, c.outstandingInsurer));
    g.outstandingClaims += 1;
  }

  return [...groups.values()]
    .sort((a, b) => a.org.localeCompare(b.org) || a.currency.localeCompare(b.currency))
    .map((g) => ({
      date,
      organizationId: g.org,
      currency: g.currency,
      received: [...g.buckets.values()]
        .sort((a, b) => `${a.payer}${a.method}`.localeCompare(`${b.payer}${b.method}`))
        .map((b) => ({ ...b, amount: money(b.amount, g.currency) })),
      receivedPatient: money(g.patient.toFixed(), g.currency),
      receivedInsurer: money(g.insurer.toFixed(), g.currency),
      outstandingPatient: money(g.outstandingPatient.toFixed(), g.currency),
      outstandingInsurer: money(g.outstandingInsurer.toFixed(), g.currency),
      outstandingClaims: g.outstandingClaims,
    }));
}
