import { randomUUID } from "node:crypto";
import type { IdKind } from "./operations.fixtures.js";
import type { PartnerCaller, World } from "./world.fixtures.js";

/** Kinds with a by-id query: a row is foreign to a caller when that query answers null. */
/**
 * Kinds with a by-id query: a row is foreign to a caller when that query answers null. `mine`
 * orders the candidates so the caller's likely own rows are tried too (the visibility is still
 * decided by the query, never by this guess).
 */
const READABLE: Partial<Record<IdKind, { table: string; query: string; mine: string }>> = {
  order: { table: "attention_order", query: "order", mine: "provider_id = ?" },
  case: { table: "medical_case", query: "case", mine: "registered_by_id = ? or hospital_id = ?" },
  visit: { table: "visit", query: "visit", mine: "site_id = ?" },
  claim: { table: "claim", query: "claim", mine: "registered_by_id = ?" },
  patient: { table: "patient", query: "patient", mine: "registered_by_id = ?" },
  policy: { table: "policy", query: "policy", mine: "insurer_id = ?" },
  document: { table: "document", query: "document", mine: "attached_by_organization_id = ?" },
};

/** How many rows of each side (likely own, likely foreign) to try. */
const CANDIDATES = 20;

export interface ForeignIds {
  /** A real row the caller cannot see, per kind; a random uuid where every row is the caller's to see. */
  id: (kind: IdKind) => string;
  /** The kinds that got a real foreign row. */
  real: Set<IdKind>;
  /** A row the caller does see, per kind where it has one (else the matrix's sample row). */
  own: (kind: IdKind) => string;
}

/**
 * Real rows of other organisations, per partner caller: rows that exist in the demo region
 * and that the caller's own by-id query answers as missing. Rows without a by-id query are
 * taken through their owner: a claim line of a foreign claim, a file another organisation
 * uploaded, another organisation's API key, a liability of a foreign policy. Reference data
 * every partner reads (service codes, calendars, organisations) has no foreign row.
 */
export async function foreignIdsFor(
  world: World,
  caller: PartnerCaller,
  samples: Record<IdKind, string>,
): Promise<ForeignIds> {
  const found: Partial<Record<IdKind, string>> = {};
  const mine: Partial<Record<IdKind, string>> = {};
  const org = world.orgIds[caller];
  for (const [kind, { table, query, mine: own }] of Object.entries(READABLE) as [
    IdKind,
    { table: string; query: string; mine: string },
  ][]) {
    const params = own
      .split("?")
      .slice(1)
      .map(() => org);
    const rows = [
      ...(await world.sql<{ id: string }>(
        `select id from ${table} where ${own} order by id limit ${CANDIDATES}`,
        params,
      )),
      ...(await world.sql<{ id: string }>(
        `select id from ${table} where not coalesce(${own}, false) order by id limit ${CANDIDATES}`,
        params,
      )),
    ];
    for (const { id } of rows) {
      const r = await world.call(caller, `query($id: ID!) { ${query}(id: $id) { id } }`, { id });
      if (r.status !== 200 || r.errors?.length) break; // the kind is not this caller's to read at all
      if (r.data?.[query] === null) found[kind] ??= id;
      else mine[kind] ??= id;
      if (found[kind] && mine[kind]) break;
    }
  }
  const first = async (text: string, params: unknown[]) =>
    (await world.sql<{ id: string }>(`${text} limit 1`, params))[0]?.id;
  if (found.claim) found.claimLine = await first(`select id from claim_line where claim_id = ?`, [found.claim]);
  if (found.policy) found.liability = await first(`select id from liability where policy_id = ?`, [found.policy]);
  found.file = await first(
    `select id from stored_file where uploaded_by_organization_id is not null and uploaded_by_organization_id <> ?`,
    [org],
  );
  found.apiKey = await first(`select id from api_key where organization_id <> ?`, [org]);
  if (mine.claim) mine.claimLine = await first(`select id from claim_line where claim_id = ?`, [mine.claim]);
  if (mine.policy) mine.liability = await first(`select id from liability where policy_id = ?`, [mine.policy]);
  mine.file = await first(`select id from stored_file where uploaded_by_organization_id = ?`, [org]);
  const real = new Set((Object.keys(found) as IdKind[]).filter((k) => found[k]));
  return { id: (kind) => found[kind] ?? randomUUID(), real, own: (kind) => mine[kind] ?? samples[kind] };
}
