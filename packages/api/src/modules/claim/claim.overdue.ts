import type { EntityManager } from "@mikro-orm/postgresql";
import { SYSTEM } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Organization } from "../organization/organization.entity.js";
import { enqueueNotification } from "../notification/outbox.js";
import { OPEN_FOR_EDIT } from "./claim.enums.js";

interface FlaggedRow {
  id: string;
  number: string;
  registered_by_id: string;
  delivery_due_at: Date;
}

/**
 * Flags one claim that is still DRAFT or RETURNED after its deliveryDueAt, once, and
 * queues one message to the registering organisation (dedupe key claim-overdue:<id>).
 * Called by the expiration worker with a SYSTEM EntityManager inside its transaction.
 *
 * A conditional UPDATE does the check and the write in one statement, so two workers
 * racing on the same claim flag it once. It leaves `version` alone on purpose: the flag
 * is the system's annotation, and bumping the version would make the agency's
 * in-flight correction of the same claim fail as stale.
 *
 * Returns true when this call flagged the claim.
 */
export async function flagOverdueClaim(em: EntityManager, claimId: string, now: Date): Promise<boolean> {
  const rows = await em.execute<FlaggedRow[]>(
    `update claim set overdue_flagged_at = ?
      where id = ? and overdue_flagged_at is null and delivery_due_at < ? and status in (${OPEN_FOR_EDIT.map(() => "?").join(", ")})
      returning id, number, registered_by_id, delivery_due_at`,
    [now, claimId, now, ...OPEN_FOR_EDIT],
  );
  const row = rows[0];
  if (!row) return false;

  const org = await em.findOne(Organization, { id: row.registered_by_id }, { filters: false });
  const recipient = org?.email ?? org?.phone ?? null;
  if (org && recipient) {
    const due = new Date(row.delivery_due_at).toISOString().slice(0, 10);
    await enqueueNotification(em, {
      channel: org.email ? "EMAIL" : "SMS",
      recipient,
      template: "claim-overdue",
      language: org.language,
      subject: `Claim ${row.number} is overdue`,
      body: `Claim ${row.number} was due at the review office by ${due} (15 working days after registration) and has not been delivered.`,
      dedupeKey: `claim-overdue:${row.id}`,
      organizationId: org.id,
      relatedType: "Claim",
      relatedId: row.id,
    });
  }
  recordAudit(em, SYSTEM, null, {
    action: "claim.overdue",
    entityType: "Claim",
    entityId: row.id,
    changes: { overdueFlaggedAt: now.toISOString(), notified: !!recipient },
  });
  await em.flush();
  return true;
}
