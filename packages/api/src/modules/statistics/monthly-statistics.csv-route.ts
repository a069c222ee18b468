import type { Request, Response } from "express";
import type { Runtime } from "../../platform/http/app.js";
import { forkFor } from "../../platform/db/orm.js";
import { answerDatabaseUnavailable } from "../../platform/http/database-unavailable.js";
import { AuthenticationError } from "../../platform/auth/authenticate.js";
import { Organization } from "../organization/organization.entity.js";
import { MonthlyStatistic } from "./monthly-statistic.entity.js";
import { assertMonth } from "./monthly-statistics.service.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { isStaff } from "../../platform/auth/principal.js";
import { MEASURES, measureOf, SupervisionMeasure } from "./supervision-measures.js";
import { TopLevelErrorCode } from "../../platform/errors/top-level.errors.js";
import { moneyOrNull } from "../claim/engine/money.js";

const COLUMNS: [string, (s: MonthlyStatistic, orgName: string) => unknown][] = [
  ["month", (s) => s.month],
  ["organization_id", (s) => s.organization.id],
  ["organization", (_s, name) => name],
  ["orders_issued", (s) => s.ordersIssued],
  ["orders_confirmed", (s) => s.ordersConfirmed],
  ["orders_validated", (s) => s.ordersValidated],
  ["orders_rejected", (s) => s.ordersRejected],
  ["orders_expired", (s) => s.ordersExpired],
  ["orders_voided", (s) => s.ordersVoided],
  ["turnaround_median_hours", (s) => s.turnaroundMedianHours],
  ["turnaround_p90_hours", (s) => s.turnaroundP90Hours],
  ["claims_registered", (s) => s.claimsRegistered],
  ["claims_submitted", (s) => s.claimsSubmitted],
  ["claims_submitted_on_time", (s) => s.claimsSubmittedOnTime],
  ["claims_returned", (s) => s.claimsReturned],
  ["claims_approved", (s) => s.claimsApproved],
  // As GraphQL shows it: the currency's minor digits (the column keeps 4).
  ["approved_amount", (s) => (s.currency ? moneyOrNull(s.approvedAmount, s.currency) : s.approvedAmount)],
  ["currency", (s) => s.currency],
  ["visits_completed", (s) => s.visitsCompleted],
  // Supervision figures: the counts, then each rate as a ratio with 4 decimals (empty
  // when nothing was measured), derived by the same code as the GraphQL rates.
  ["orders_first_pass", (s) => s.ordersFirstPass],
  ["orders_due", (s) => s.ordersDue],
  ["orders_due_on_time", (s) => s.ordersDueOnTime],
  ["claims_first_pass", (s) => s.claimsFirstPass],
  ["claim_deliveries_due", (s) => s.claimDeliveriesDue],
  ["claim_deliveries_on_time", (s) => s.claimDeliveriesOnTime],
  ...Object.values(SupervisionMeasure).map((m): [string, (s: MonthlyStatistic) => unknown] => [
    `${MEASURES[m].csv}_rate`,
    (s) => measureOf(s, m).ratio,
  ]),
];

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * GET /exports/monthly-statistics.csv?month=YYYY-MM — the month's rows the caller may
 * see (partners: their own organisation), same scoping as the GraphQL list.
 */
export function mountMonthlyStatisticsCsv(runtime: Runtime): void {
  runtime.app.get("/exports/monthly-statistics.csv", async (req: Request, res: Response) => {
    try {
      const principal = await runtime.principalOf(req);
      if (principal.kind === "ANONYMOUS") {
        res
          .status(401)
          .json({ errors: [{ message: "Sign in first.", extensions: { code: TopLevelErrorCode.UNAUTHENTICATED } }] });
        return;
      }
      // As the GraphQL list (STATISTICS_READERS): a VISITOR's work has no statistics.
      if (principal.kind === "STAFF" && !isStaff(principal, "OPERATOR", "REVIEWER", "BILLING")) {
        res
          .status(403)
          .json({ errors: [{ message: "Not allowed.", extensions: { code: TopLevelErrorCode.FORBIDDEN } }] });
        return;
      }
      const month = typeof req.query.month === "string" ? req.query.month : "";
      assertMonth(month);
      const em = forkFor(runtime.orm, principal);
      const rows = await em.find(MonthlyStatistic, { month }, { orderBy: { organization: "ASC" } });
      const orgs = await em.find(Organization, { id: { $in: rows.map((r) => r.organization.id) } });
      const names = new Map(orgs.map((o) => [o.id, o.name]));
      const lines = [COLUMNS.map(([h]) => h).join(",")];
      for (const r of rows)
        lines.push(COLUMNS.map(([, get]) => csvField(get(r, names.get(r.organization.id) ?? ""))).join(","));
      res.setHeader("content-type", "text/csv; charset=utf-8");
      res.setHeader("content-disposition", `attachment; filename="monthly-statistics-${month}.csv"`);
      res.send(`${lines.join("\r\n")}\r\n`);
    } catch (err) {
      if (err instanceof AuthenticationError) {
        res
          .status(401)
          .json({ errors: [{ message: err.message, extensions: { code: TopLevelErrorCode.UNAUTHENTICATED } }] });
      } else if (err instanceof DomainError) {
        res.status(400).json({ errors: [{ message: err.message, extensions: { code: err.code } }] });
      } else if (!answerDatabaseUnavailable(runtime, req, res, err)) {
        runtime.logger.error({ err }, "monthly statistics export failed");
        res.status(500).json({
          errors: [
            { message: "Internal server error.", extensions: { code: TopLevelErrorCode.INTERNAL_SERVER_ERROR } },
          ],
        });
      }
    }
  });
}
