import type { Request, Response } from "express";
import type { Runtime } from "../../platform/http/app.js";
import { forkFor } from "../../platform/db/orm.js";
import { answerDatabaseUnavailable } from "../../platform/http/database-unavailable.js";
import { AuthenticationError } from "../../platform/auth/authenticate.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { isStaff } from "../../platform/auth/principal.js";
import { moneyOrNull } from "../claim/engine/money.js";
import { TopLevelErrorCode } from "../../platform/errors/top-level.errors.js";
import { csvField } from "../statistics/monthly-statistics.csv-route.js";
import { MEASURES, SupervisionMeasure } from "../statistics/supervision-measures.js";
import { BRANCH_COUNTS, branchMonthlyStatistics, type BranchMonthlyStatistic } from "./branch-statistics.js";

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const RATES: Record<SupervisionMeasure, keyof BranchMonthlyStatistic> = {
  ORDERS_FIRST_PASS: "ordersFirstPassRate",
  ORDERS_ON_TIME: "ordersOnTimeRate",
  CLAIMS_FIRST_PASS: "claimsFirstPassRate",
  CLAIMS_ON_TIME: "claimsOnTimeRate",
};
const COLUMNS: [string, (s: BranchMonthlyStatistic) => unknown][] = [
  ["month", (s) => s.month],
  ["branch_code", (s) => s.branch?.code ?? ""],
  ["branch", (s) => s.branch?.name ?? ""],
  ["organizations", (s) => s.organizations],
  ...BRANCH_COUNTS.map((c): [string, (s: BranchMonthlyStatistic) => unknown] => [snake(c), (s) => s[c]]),
  ["approved_amount", (s) => (s.currency ? moneyOrNull(s.approvedAmount, s.currency) : s.approvedAmount)],
  ["currency", (s) => s.currency],
  ...Object.values(SupervisionMeasure).map((m): [string, (s: BranchMonthlyStatistic) => unknown] => [
    `${MEASURES[m].csv}_rate`,
    (s) => (s[RATES[m]] as { ratio: string | null }).ratio,
  ]),
];

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /exports/branch-statistics.csv?month=YYYY-MM — the month's figures rolled up by
 * branch, as `branchMonthlyStatistics` answers them (staff other than VISITOR; a branch
 * session gets its own branch). Head office's row (partners under no branch) has an empty code.
 */
export function mountBranchStatisticsCsv(runtime: Runtime): void {
  runtime.app.get("/exports/branch-statistics.csv", async (req: Request, res: Response) => {
    try {
      const principal = await runtime.principalOf(req);
      if (principal.kind === "ANONYMOUS") return refuse(res, 401, TopLevelErrorCode.UNAUTHENTICATED, "Sign in first.");
      if (!isStaff(principal, "OPERATOR", "REVIEWER", "BILLING"))
        return refuse(res, 403, TopLevelErrorCode.FORBIDDEN, "Not allowed.");
      const month = typeof req.query.month === "string" ? req.query.month : "";
      const rows = await branchMonthlyStatistics(forkFor(runtime.orm, principal), month, month);
      const lines = [
        COLUMNS.map(([h]) => h).join(","),
        ...rows.map((r) => COLUMNS.map(([, get]) => csvField(get(r))).join(",")),
      ];
      res.setHeader("content-type", "text/csv; charset=utf-8");
      res.setHeader("content-disposition", `attachment; filename="branch-statistics-${month}.csv"`);
      res.send(`${lines.join("\r\n")}\r\n`);
    } catch (err) {
      if (err instanceof AuthenticationError) refuse(res, 401, TopLevelErrorCode.UNAUTHENTICATED, err.message);
      else if (err instanceof DomainError) refuse(res, 400, err.code, err.message);
      else if (!answerDatabaseUnavailable(runtime, req, res, err)) {
        runtime.logger.error({ err }, "branch statistics export failed");
        refuse(res, 500, TopLevelErrorCode.INTERNAL_SERVER_ERROR, "Internal server error.");
      }
    }
  });
}
