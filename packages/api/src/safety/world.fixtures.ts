import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { TestApi } from "../test-support/server.fixtures.js";
import { startDemoApi } from "../test-support/demo-database.fixtures.js";
import { Fixtures, loginAs } from "../test-support/entities.fixtures.js";
import { DEMO_API_KEYS, DEMO_LOGINS, fullApiKey } from "../seed/index.js";
import { Organization, OrganizationKind } from "../modules/organization/organization.entity.js";
import { User } from "../modules/user/user.entity.js";

/**
 * Every kind of caller the access matrix exercises. Staff roles and partner kinds are the
 * names the policy table uses; the last three must always be turned away at the door.
 */
export const STAFF_CALLERS = ["ADMIN", "OPERATOR", "REVIEWER", "VISITOR", "BILLING"] as const;
export const PARTNER_CALLERS = ["CLINIC", "LAB", "HOSPITAL", "INTERCONSULTANT", "AGENCY", "INSURER"] as const;
export const DOOR_CALLERS = ["ANONYMOUS", "REVOKED_KEY", "EXPIRED_TOKEN"] as const;
/** A clinic that is not the one owning the sample rows: must see nothing of clinic1's. */
export const FOREIGN_CALLER = "FOREIGN_CLINIC" as const;

export type StaffCaller = (typeof STAFF_CALLERS)[number];
export type PartnerCaller = (typeof PARTNER_CALLERS)[number];
export type Caller = StaffCaller | PartnerCaller | (typeof DOOR_CALLERS)[number] | typeof FOREIGN_CALLER;
export const ALL_CALLERS: Caller[] = [...DOOR_CALLERS, FOREIGN_CALLER, ...PARTNER_CALLERS, ...STAFF_CALLERS];

export interface World {
  api: TestApi;
  /** Bearer token per caller; null for anonymous. */
  tokens: Record<Caller, string | null>;
  /** Organisation id per partner caller (FOREIGN_CLINIC included). */
  orgIds: Record<PartnerCaller | typeof FOREIGN_CALLER, string>;
  /** The user id behind each staff caller's token. */
  staffUserIds: Record<StaffCaller, string>;
  /** A staff user and an API key the matrix may deactivate or revoke without harm. */
  expendableUserId: string;
  /** A partner user of the matrix's LAB (PARTNER_STAFF): updatePartnerUser's sample row. */
  expendablePartnerUserId: string;
  expendableApiKeyId: string;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** POSTs one operation as a caller, with a request id so its audit rows can be found. */
  call: (caller: Caller, query: string, variables?: Record<string, unknown>) => Promise<CallResult>;
}

export interface CallResult {
  status: number;
  requestId: string;
  data: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One server, one database, the whole demo region (a copy of its template): built once per test file. */
export async function buildWorld(env: Record<string, string> = {}): Promise<World> {
  const api = await startDemoApi(env);
  const fx = new Fixtures(api.orm);
  const sql = async <T>(text: string, params: unknown[] = []) =>
    api.orm.em.getConnection().execute<T[]>(text, params as never[]);

  const orgRow = async (where: string, params: unknown[]) =>
    (await sql<{ id: string }>(`select id from organization where ${where} order by name limit 1`, params))[0]!.id;
  const orgIds = {} as World["orgIds"];
  const tokens = { ANONYMOUS: null } as Record<Caller, string | null>;
  for (const k of DEMO_API_KEYS) {
    const kind = k.kind as PartnerCaller;
    tokens[kind] = fullApiKey(k);
    orgIds[kind] = (
      await sql<{ id: string }>(`select organization_id id from api_key where prefix = ?`, [k.prefix])
    )[0]!.id;
  }
  orgIds.FOREIGN_CLINIC = await orgRow(`kind = 'CLINIC' and id <> ?`, [orgIds.CLINIC]);
  const foreign = await fx.em.findOneOrFail(Organization, orgIds.FOREIGN_CLINIC);
  tokens.FOREIGN_CLINIC = (await fx.apiKey(foreign)).secret;
  tokens.REVOKED_KEY = (await fx.apiKey(await fx.em.findOneOrFail(Organization, orgIds.CLINIC), true)).secret;
  const expendableKey = await fx.apiKey(await fx.organization(OrganizationKind.LAB));

  const gql = (q: string, v?: Record<string, unknown>) => api.gql(q, v) as never;
  const staffUserIds = {} as World["staffUserIds"];
  for (const role of STAFF_CALLERS) {
    const login = DEMO_LOGINS.find((l) => l.roles.length === 1 && l.roles[0] === role)!;
    tokens[role] = await loginAs(gql, login.email, login.password);
    staffUserIds[role] = (await sql<{ id: string }>(`select id from app_user where email = ?`, [login.email]))[0]!.id;
  }
  const admin = (
    await sql<{ id: string; organization_id: string }>(`select id, organization_id from app_user where email = ?`, [
      DEMO_LOGINS[0]!.email,
    ])
  )[0]!;
  tokens.EXPIRED_TOKEN = await new SignJWT({
    org: admin.organization_id,
    roles: ["ADMIN"],
    email: DEMO_LOGINS[0]!.email,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(admin.id)
    .setIssuer("clinigraph")
    .setAudience("clinigraph-api")
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .sign(new TextEncoder().encode(api.config.JWT_SECRET));
  const expendable = await fx.user(["OPERATOR"]);
  const expendablePartnerUser = await fx.partnerUser(await fx.em.findOneOrFail(Organization, orgIds.LAB));

  const call: World["call"] = async (caller, query, variables) => {
    const requestId = `safety-${randomUUID()}`;
    const token = tokens[caller];
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": requestId,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: Record<string, unknown> | null; errors?: CallResult["errors"] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = { data: null, errors: [{ message: text, extensions: { code: `HTTP_${res.status}` } }] };
    }
    return { status: res.status, requestId, data: body.data ?? null, errors: body.errors };
  };
  return {
    api,
    tokens,
    orgIds,
    staffUserIds,
    expendableUserId: (expendable as User).id,
    expendablePartnerUserId: (expendablePartnerUser as User).id,
    expendableApiKeyId: expendableKey.key.id,
    sql,
    call,
  };
}

/** Top-level error codes of a response, in order. */
export const errorCodes = (r: CallResult): string[] =>
  (r.errors ?? []).map((e) => String(e.extensions?.code ?? "NONE"));
