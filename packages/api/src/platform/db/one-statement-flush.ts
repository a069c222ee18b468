import { helper, OptimisticLockError, type EntityMetadata } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * The usual flush of a state-machine transition is seven round trips: begin, the record's
 * versioned update, one insert each for its status change, its audit row and its outbox
 * row, commit (plus the read before). This flush sends the same unit of work as ONE
 * statement when its change sets have that shape — one versioned update and new rows, no
 * deletes, no collections — with the ORM's own SQL for each part (the query builder the
 * driver uses, the change sets' own payloads):
 *
 *   with u as (update … where id = $ and version = $ returning version),
 *        i1 as (insert into status_change (…) select $, … from u),
 *        i2 as (insert into audit_event (…) select $, … from u), …
 *   select version from u
 *
 * Every insert takes its row "from u", so when the version check fails (another writer got
 * there first) nothing at all is written and the flush throws the ORM's OptimisticLockError,
 * as the ordinary flush does; one statement is atomic without begin and commit. Any other
 * shape (a delete, two updates, a collection, a raw value) goes through em.flush() unchanged.
 * Afterwards the unit of work records the rows as written, as the ordinary flush does (the
 * record's new version is set on it), so the EntityManager stays usable.
 */
const unwrap = (entity: object, prop: string): unknown => {
  const v = (entity as Record<string, unknown>)[prop] as { unwrap?: () => unknown } | null | undefined;
  return v && typeof v.unwrap === "function" ? v.unwrap() : v;
};

export async function flushInOneStatement(em: EntityManager): Promise<void> {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  const sets = uow.getChangeSets();
  const updates = sets.filter((cs) => cs.type === "update");
  const creates = sets.filter((cs) => cs.type === "create");
  const update = updates[0];
  const meta = update?.meta as EntityMetadata | undefined;
  const versionProp = meta?.versionProperty;
  const eligible =
    update &&
    meta &&
    versionProp &&
    updates.length === 1 &&
    creates.length + 1 === sets.length &&
    update.entity[versionProp as never] != null &&
    meta.primaryKeys.length === 1 &&
    uow.getCollectionUpdates().length === 0 &&
    // A new row pointing at another new row would need the ORM's insert order.
    creates.every((cs) =>
      cs.meta.relations.every((r) => !creates.some((o) => o.entity === unwrap(cs.entity, r.name))),
    ) &&
    (uow as unknown as { extraUpdates: Set<unknown> }).extraUpdates.size === 0;
  if (!eligible) return em.flush();

  const driver = em.getDriver();
  const ctx = em.getTransactionContext();
  const qb = (name: string) => driver.createQueryBuilder(name, ctx, "write", false);
  const version = meta.properties[versionProp as never] as { fieldNames: string[] };
  const versionColumn = version.fieldNames[0]!;
  const pk = meta.primaryKeys[0]!;
  const current = update.entity[versionProp as never] as number;
  const u = qb(update.name)
    .update(update.payload)
    .where({ [pk]: (update.entity as Record<string, unknown>)[pk], [versionProp]: current })
    .getKnexQuery()
    .toSQL();
  // The ORM bumps the version in SQL; say which value the statement must return.
  if (!u.sql.includes(`"${versionColumn}" = "${versionColumn}" + 1`)) return em.flush();
  const parts: string[] = [`u as (${u.sql.replace(/ returning .*$/s, "")} returning "${versionColumn}")`];
  const params: unknown[] = [...u.bindings];
  for (const [i, cs] of creates.entries()) {
    const ins = qb(cs.name).insert(cs.payload).getKnexQuery().toSQL();
    const m = /^insert into (\S+) \((.+?)\) values \((.*)\)(?: returning .*)?$/s.exec(ins.sql);
    if (!m) return em.flush();
    parts.push(`i${i} as (insert into ${m[1]} (${m[2]}) select ${m[3]} from u)`);
    params.push(...ins.bindings);
  }
  const statement = `with ${parts.join(", ")} select "${versionColumn}" as v from u`;
  const rows = await em.getConnection("write").execute<{ v: number }[]>(statement, params, "all", ctx);
  if (rows.length !== 1) throw OptimisticLockError.lockFailed(update.entity);
  (update.entity as Record<string, unknown>)[versionProp] = rows[0]!.v;
  // What the ordinary flush records once it has written (UnitOfWork.commitCreateChangeSets
  // and commitUpdateChangeSets), so a later flush of this EntityManager writes nothing twice.
  for (const cs of creates) {
    const wrapped = helper(cs.entity);
    wrapped.__initialized = true;
    wrapped.__managed = true;
    cs.persisted = true;
    uow.register(cs.entity, cs.payload, { refresh: true });
  }
  const wrapped = helper(update.entity);
  wrapped.__originalEntityData = em.getComparator().prepareEntity(update.entity);
  wrapped.__touched = false;
  update.persisted = true;
  (uow as unknown as { postCommitCleanup(): void }).postCommitCleanup();
}
