import type pg from "pg";
import { KEYED_LABS, labApiKey, labKeyPrefix } from "../../shared/credentials.js";
import { load, type LoadRequest, type LoadResult } from "../load.js";

const TRANSITION = `mutation($input: TransitionOrderInput!) { transitionOrder(input: $input) { order { id status version } userErrors { code message } } }`;

/**
 * Scenario 4: CONFIRM by the keyed labs (their ISSUED orders still before confirmBy) and
 * APPROVE by the operator (IN_VERIFICATION orders), interleaved; every request targets a
 * different order so no request loses to another's version. Consumes those orders.
 */
export async function writeRequests(db: pg.Pool, operatorToken: string, max: number): Promise<LoadRequest[]> {
  const confirms = await db.query<{ id: string; version: number; prefix: string }>(
    `select o.id, o.version, k.prefix from attention_order o join api_key k on k.organization_id = o.provider_id
      where o.status = 'ISSUED' and o.confirm_by > now() + interval '10 minutes' limit $1`,
    [Math.floor(max / 2)],
  );
  const approves = await db.query<{ id: string; version: number }>(
    `select id, version from attention_order where status = 'IN_VERIFICATION' order by id limit $1`,
    [max - confirms.rows.length],
  );
  const keyByPrefix = new Map(Array.from({ length: KEYED_LABS }, (_, i) => [labKeyPrefix(i), labApiKey(i)]));
  const body = (id: string, version: number, event: string) =>
    JSON.stringify({ query: TRANSITION, variables: { input: { id, event, expectedVersion: version } } });
  const a: LoadRequest[] = confirms.rows.map((r) => ({
    body: body(r.id, r.version, "CONFIRM"),
    headers: { authorization: `Bearer ${keyByPrefix.get(r.prefix)}` },
  }));
  const b: LoadRequest[] = approves.rows.map((r) => ({
    body: body(r.id, r.version, "APPROVE"),
    headers: { authorization: `Bearer ${operatorToken}` },
  }));
  const mixed: LoadRequest[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) mixed.push(a[i]!);
    if (b[i]) mixed.push(b[i]!);
  }
  return mixed;
}

export async function runWrites(apiUrl: string, requests: LoadRequest[], seconds: number): Promise<LoadResult> {
  return load(apiUrl, requests, { seconds, connections: 32, amount: requests.length });
}
