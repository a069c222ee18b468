import type pg from "pg";
import { KEYED_LABS, labApiKey } from "../../shared/credentials.js";
import { load, type LoadRequest, type LoadResult } from "../load.js";

export const LAB_ORDERS_QUERY = `query($n: Int) { orders(first: $n) { nodes {
  id number status dueAt
  case { id number patient { id firstName lastName } }
  provider { id name }
  reports { id kind createdAt }
  lastStatusChange { toStatus event createdAt }
} } }`;

export const ORDER_QUERY = `query($id: ID!) { order(id: $id) {
  id number status kind specialty requestedCodes confirmBy dueAt amount currency overdue availableTransitions
  case { id number scanKey status patient { id firstName lastName } registeredBy { id name } hospital { id name } }
  provider { id name }
  reports { id kind form createdAt file { id } }
  history { fromStatus toStatus event createdAt reason }
  lastStatusChange { toStatus event }
  rejection { code text }
} }`;

export const TRAY_QUERY = `query($specialty: String) {
  orders(first: 50, filter: { tray: TO_MANAGE, specialty: $specialty }, orderBy: { field: DUE_AT, direction: ASC }) {
    totalCount
    nodes { id number status dueAt provider { name } case { number patient { lastName } } }
  }
}`;

export const SPECIALTIES = [
  null,
  "traumatology",
  "cardiology",
  "radiology",
  "neurology",
  "psychiatry",
  "ophthalmology",
];

export interface ReadPair {
  api: LoadResult;
  raw: LoadResult;
  rssMb: number;
}

type Opts = { seconds: number; connections: number };

const gqlBody = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Scenario 1: every keyed lab's first page of 50, round robin, each with its own API key. */
export function labOrderRequests(): { api: LoadRequest[]; raw: LoadRequest[] } {
  const labs = Array.from({ length: KEYED_LABS }, (_, i) => ({ authorization: `Bearer ${labApiKey(i)}` }));
  return {
    api: labs.map((headers) => ({ body: gqlBody(LAB_ORDERS_QUERY, { n: 50 }), headers })),
    raw: labs.map((headers) => ({ path: "/lab-orders", body: "{}", headers })),
  };
}

/** Scenario 2: 500 order ids spread over the table (every 1/500th by id). */
export async function orderRequests(db: pg.Pool, token: string): Promise<{ api: LoadRequest[]; raw: LoadRequest[] }> {
  const ids = (
    await db.query<{ id: string }>(`select id from attention_order tablesample system (1) limit 500`)
  ).rows.map((r) => r.id);
  return {
    api: ids.map((id) => ({ body: gqlBody(ORDER_QUERY, { id }), headers: { authorization: `Bearer ${token}` } })),
    raw: ids.map((id) => ({ path: "/order", body: JSON.stringify({ id }), headers: {} })),
  };
}

/** Scenario 3: the operator's TO_MANAGE tray, unfiltered and by each specialty, sorted by due date, with totalCount. */
export function trayRequests(token: string): { api: LoadRequest[]; raw: LoadRequest[] } {
  return {
    api: SPECIALTIES.map((specialty) => ({
      body: gqlBody(TRAY_QUERY, { specialty }),
      headers: { authorization: `Bearer ${token}` },
    })),
    raw: SPECIALTIES.map((specialty) => ({ path: "/tray", body: JSON.stringify({ specialty }), headers: {} })),
  };
}

export async function runReadPair(
  apiUrl: string,
  rawUrl: string,
  reqs: { api: LoadRequest[]; raw: LoadRequest[] },
  opts: Opts,
  takeRss: () => number,
): Promise<ReadPair> {
  // A short warm-up so JIT and pools are not part of the measurement.
  await load(apiUrl, reqs.api, { seconds: 2, connections: opts.connections });
  takeRss();
  const api = await load(apiUrl, reqs.api, opts);
  const rssMb = takeRss();
  await load(rawUrl, reqs.raw, { seconds: 2, connections: opts.connections });
  const raw = await load(rawUrl, reqs.raw, opts);
  return { api, raw, rssMb };
}
