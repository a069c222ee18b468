import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * The per-organisation storage quota (STORAGE_QUOTA_BYTES), counted from stored_file:
 * the sum of the sizes of the files the organisation's principals uploaded (staff count
 * against the operator organisation). Files never attached are deleted after a grace
 * period by the orphan-file sweep in packages/jobs, which gives their bytes back.
 */
export async function storedBytes(em: EntityManager, organizationId: string): Promise<number> {
  const rows = await em.execute<{ used: string | number }[]>(
    `select coalesce(sum(size), 0) as used from stored_file where uploaded_by_organization_id = ?`,
    [organizationId],
  );
  return Number(rows[0]?.used ?? 0);
}

/**
 * Inside the transaction that inserts the file's row: waits for the organisation's other
 * uploads being recorded (a transaction-scoped advisory lock per organisation), then says
 * whether `size` more bytes still fit. Two uploads that each fit alone cannot both pass.
 */
export async function fitsQuota(
  em: EntityManager,
  organizationId: string,
  size: number,
  quota: number,
): Promise<boolean> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`stored_file_quota:${organizationId}`]);
  return (await storedBytes(em, organizationId)) + size <= quota;
}
