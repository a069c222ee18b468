import type { MikroORM } from "@mikro-orm/postgresql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { SYSTEM } from "../platform/auth/principal.js";
import { forkFor } from "../platform/db/orm.js";
import type { SeedContext, SeedStep } from "./context.js";
import { DEMO_API_KEYS, DEMO_LOGINS, DEMO_PARTNER_LOGINS, fullApiKey } from "./demo-credentials.js";
import { seedPeople } from "./people.js";
import { seedApiKeys } from "./steps/api-keys.js";
import { seedOrganizations } from "./steps/organizations.js";
import { seedPatients } from "./steps/patients.js";
import { seedPolicies } from "./steps/policies.js";
import { seedServiceCodes } from "./steps/service-codes.js";
import { seedStaff } from "./steps/staff.js";
import { seedPartnerUsers } from "./steps/partner-users.js";
import { seedOrdersStep } from "./orders.js";
import { seedVisitsStep } from "./visits.js";
import { seedClaimsStep } from "./claims.js";
import { seedStatisticsStep } from "./statistics.js";
import { seedDocuments } from "../modules/document/document.seed.js";
import { assignDemoCasesToBranches, seedBranches } from "../modules/branch/branch.seed.js";
import { DEMO_BRANCH_MEMBERS } from "./demo-credentials.js";
import { assertDemoSeedAllowed } from "./production-guard.js";
import { DateTime } from "luxon";

export type { SeedContext, SeedStep } from "./context.js";
export { DEMO_API_KEYS, DEMO_LOGINS, DEMO_PARTNER_LOGINS, fullApiKey } from "./demo-credentials.js";
export { assertDemoSeedAllowed, DemoSeedRefused } from "./production-guard.js";

/** Fixed, so every demo database is the same region with the same people. */
export const DEMO_SEED = 2026;
/**
 * The demo region lives in the present: deadlines, reminders and overdue work are
 * relative to the day it is seeded, so the console and the workers have work right away.
 * The seed dates that day's work at 10:00 in the region's zone (America/Santiago), so the
 * day is the latest whose 10:00 there has passed: nothing it writes lies in the future.
 * (The UTC date made "today at 10:00" up to 13 hours ahead when seeded before 13:00 UTC, and
 * a transition made then sorted before its own order's issue in the history.)
 */
export const DEMO_TODAY = DateTime.now().setZone("America/Santiago").minus({ hours: 10 }).toISODate()!;

/**
 * The demo region, step by step, in order. Modules with demo data of their own
 * (cases, orders, visits, claims) push their steps here; each sees what earlier steps built.
 */
export const seedSteps: SeedStep[] = [
  seedOrganizations,
  seedStaff,
  (ctx) =>
    seedBranches(
      ctx.em,
      ctx.organizations.operator!,
      Object.values(ctx.organizations),
      Object.entries(DEMO_BRANCH_MEMBERS).map(([key, codes]) => [ctx.users[key]!, codes]),
    ),
  seedServiceCodes,
  seedPatients,
  seedPolicies,
  seedApiKeys,
  seedPartnerUsers,
  seedOrdersStep,
  seedVisitsStep,
  seedClaimsStep,
  (ctx) => assignDemoCasesToBranches(ctx.em),
  (ctx) => seedDocuments(ctx.em, ctx.fileStorageDir),
  seedStatisticsStep,
];

export interface DemoCredentials {
  logins: { email: string; password: string; roles: string[] }[];
  apiKeys: { organization: string; kind: string; apiKey: string }[];
  partnerLogins: { kind: string; email: string; password: string }[];
}

export interface SeedResult {
  /** False when the database already had data and nothing was written. */
  seeded: boolean;
  reason?: string;
  credentials: DemoCredentials;
}

export interface SeedOptions {
  /** Seed even though organisations exist (but never twice: the demo admin must be absent). */
  force?: boolean;
  /** Seed even in production: the operator asked for a demo installation (`--demo`). */
  demo?: boolean;
  /** The environment seeded into; defaults to NODE_ENV, and an unset NODE_ENV counts as production. */
  nodeEnv?: string;
  /** FILE_STORAGE_DIR: where the demo documents' bytes are written (none are filed without it). */
  fileStorageDir?: string;
}

/**
 * Seeds the demo region into an empty database, in one transaction, and returns the
 * demo logins and API keys. Refuses in production unless `demo` is set
 * (DemoSeedRefused). Needs the field cipher set up (createRuntime and the seed
 * script do it): national ids are stored encrypted.
 */
export async function seedDemoData(orm: MikroORM, options: SeedOptions = {}): Promise<SeedResult> {
  assertDemoSeedAllowed(options.nodeEnv ?? process.env.NODE_ENV, options.demo ?? false);
  const em = forkFor(orm, SYSTEM);
  const skip = await reasonToSkip(em, options.force ?? false);
  if (skip) return { seeded: false, reason: skip, credentials: await credentials(em, false) };
  seedPeople(DEMO_SEED, `${DEMO_TODAY}T12:00:00Z`);
  await em.transactional(async (tem) => {
    const ctx: SeedContext = {
      em: tem as EntityManager,
      today: DEMO_TODAY,
      calendars: {},
      organizations: {},
      users: {},
      patients: [],
      policies: [],
      serviceCodes: [],
      fileStorageDir: options.fileStorageDir,
    };
    for (const step of seedSteps) await step(ctx);
  });
  return { seeded: true, credentials: await credentials(em, true) };
}

async function reasonToSkip(em: EntityManager, force: boolean): Promise<string | null> {
  const demoAdmin = await em.execute(`select 1 from app_user where email = ?`, [DEMO_LOGINS[0]!.email]);
  if (demoAdmin.length > 0) return "the demo data is already there";
  const orgs = await em.execute<{ n: number }[]>(`select count(*)::int as n from organization`);
  if (!force && orgs[0]!.n > 0) return "the database already has organisations (use --force to seed anyway)";
  return null;
}

/** The fixed demo credentials, when the demo seed created them in this database. */
async function credentials(em: EntityManager, justSeeded: boolean): Promise<DemoCredentials> {
  const present =
    justSeeded || (await em.execute(`select 1 from app_user where email = ?`, [DEMO_LOGINS[0]!.email])).length > 0;
  if (!present) return { logins: [], apiKeys: [], partnerLogins: [] };
  return {
    logins: DEMO_LOGINS.map((l) => ({ email: l.email, password: l.password, roles: l.roles })),
    apiKeys: DEMO_API_KEYS.map((k) => ({ organization: k.organization, kind: k.kind, apiKey: fullApiKey(k) })),
    partnerLogins: DEMO_PARTNER_LOGINS.map((l) => ({ kind: l.kind, email: l.email, password: l.password })),
  };
}

/** Human-readable block for the console (seed script and `pnpm dev`). */
export function formatCredentials(c: DemoCredentials): string {
  if (c.logins.length === 0) return "No demo credentials in this database.";
  const lines = ["Demo staff logins (console / GraphQL `login`):"];
  for (const l of c.logins) lines.push(`  ${l.roles.join(",").padEnd(9)} ${l.email.padEnd(28)} ${l.password}`);
  lines.push("Demo partner API keys (Authorization: Bearer <key>):");
  for (const k of c.apiKeys) lines.push(`  ${k.kind.padEnd(16)} ${k.apiKey}`);
  lines.push("Demo partner logins (console partner portal):");
  for (const l of c.partnerLogins ?? []) lines.push(`  ${l.kind.padEnd(16)} ${l.email.padEnd(28)} ${l.password}`);
  return lines.join("\n");
}
