import { OrderStatus } from "./order.entity.js";
import { ReportKind } from "./report.entity.js";

export const REPORT_DIGEST_TEMPLATE = "report-digest";

/**
 * THE rule of the operator's report inbox, in one place: which arriving reports await the
 * operator (the console's badge and tray, `reportInbox`, `OrderFilter.reportsAwaiting`),
 * who gets the e-mail digest of them and how often (packages/jobs report-digest queue).
 */
export const REPORT_INBOX_RULE = {
  /** Both kinds: a preliminary report speeds the review up, a final one is what is validated. */
  kinds: [ReportKind.PRELIMINARY, ReportKind.FINAL],
  /**
   * A report awaits the operator until staff mark it read, or until the order leaves the
   * states where reports are worked (approving, voiding or expiring it settles its reports).
   */
  orderStatuses: [OrderStatus.IN_EVALUATION, OrderStatus.IN_VERIFICATION, OrderStatus.REJECTED],
  digest: {
    /** Active staff with any of these roles and an e-mail; a branch member hears of their branches' orders only. */
    roles: ["OPERATOR", "ADMIN"],
    /** Hourly, at minute 5, in the workers' TIME_ZONE; each digest covers the hour before its run. */
    schedule: { id: "report-digest", jobName: "digest", pattern: "5 * * * *" },
    periodMinutes: 60,
    /** Orders named in one message; the rest are counted. */
    maxListed: 20,
    template: REPORT_DIGEST_TEMPLATE,
  },
} as const;

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** SQL condition on an order_report alias `r` joined to its attention_order alias `o`. */
export function awaitingSql(r: string, o: string): string {
  return `${r}.acknowledged_at is null and ${r}.kind in (${quoted(REPORT_INBOX_RULE.kinds)})
    and ${o}.status in (${quoted(REPORT_INBOX_RULE.orderStatuses)})`;
}
