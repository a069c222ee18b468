import type { Request, Response } from "express";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { stringify } from "csv-stringify/sync";
import type { EntityManager } from "@mikro-orm/postgresql";
import { forkFor } from "../../platform/db/orm.js";
import { answerDatabaseUnavailable } from "../../platform/http/database-unavailable.js";
import { AuthenticationError } from "../../platform/auth/authenticate.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import type { Runtime } from "../../platform/http/app.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { User } from "../user/user.entity.js";
import { Visit } from "./visit.entity.js";
import { visitFilterFromQuery, visitWhere } from "./visit.where.js";
import { safeCell } from "../../platform/csv/safe-cell.js";
import { TopLevelErrorCode } from "../../platform/errors/top-level.errors.js";

/** An export is a working list, not a data dump: past this many rows, narrow the filter. */
export const MAX_EXPORT_ROWS = 10_000;

// "Scheduled" is read where the visit happens: in the site's time zone, with its offset, so
// a row is unambiguous even when the list spans sites in several zones.
const HEADERS = {
  en: [
    "Number",
    "Case",
    "Patient",
    "Hospital / provider",
    "Visitor",
    "Status",
    "Scheduled (site's local time)",
    "Conclusion",
  ],
  zh: ["探访编号", "赔案号", "客户姓名", "医院", "探访人员", "状态", "探访时间（医院当地时间）", "探访结论"],
} as const;

/** "2026-03-04 10:30 -03:00": the wall-clock time at the site and its UTC offset. */
export function siteLocalTime(at: Date, timeZone: string | null | undefined): string {
  return DateTime.fromJSDate(at, { zone: timeZone || "UTC" }).toFormat("yyyy-MM-dd HH:mm ZZ");
}

type Row = [string, string, string, string, string, string, string, string];

/** Reads the rows through the caller's scoped EntityManager: the list's access rules, exactly. */
async function exportRows(em: EntityManager, query: Record<string, unknown>): Promise<Row[]> {
  const visits = await em.find(Visit, visitWhere(visitFilterFromQuery(query)), {
    orderBy: { createdAt: "ASC", id: "ASC" },
    limit: MAX_EXPORT_ROWS,
  });
  const ids = <T>(pick: (v: Visit) => string | null) =>
    [...new Set(visits.map(pick).filter((x): x is string => !!x))] as T[];
  const [cases, patients, sites, users] = await Promise.all([
    em.find(Case, { id: { $in: ids<string>((v) => refId(v.case)) } }),
    em.find(Patient, { id: { $in: ids<string>((v) => refId(v.patient)) } }),
    em.find(Organization, { id: { $in: ids<string>((v) => refId(v.site)) } }),
    em.find(User, { id: { $in: ids<string>((v) => refId(v.assignee)) } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [c, p, s, u] = [byId(cases), byId(patients), byId(sites), byId(users)];
  return visits.map((v) => {
    const patient = p.get(refId(v.patient)!);
    const site = s.get(refId(v.site)!);
    return [
      v.number,
      c.get(refId(v.case) ?? "")?.number ?? "",
      patient ? `${patient.lastName} ${patient.firstName}` : "",
      site?.name ?? "",
      u.get(refId(v.assignee) ?? "")?.name ?? "",
      v.status,
      v.scheduledAt ? siteLocalTime(v.scheduledAt, site?.timeZone) : "",
      v.conclusion ?? "",
    ];
  });
}

export { safeCell };

async function toXlsx(headers: readonly string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Visits");
  sheet.addRow([...headers]).font = { bold: true };
  // exceljs writes strings as text cells (never formulas), so values go in unchanged.
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((col) => {
    col.width = 22;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toCsv(headers: readonly string[], rows: Row[]): string {
  // BOM so spreadsheet programs open UTF-8 (Chinese, Persian, Bulgarian names) correctly.
  return "\uFEFF" + stringify([[...headers], ...rows.map((r) => r.map(safeCell))]);
}

function handler(runtime: Runtime, format: "xlsx" | "csv") {
  return async (req: Request, res: Response) => {
    try {
      const principal = await runtime.principalOf(req);
      if (principal.kind === "ANONYMOUS") {
        res.status(401).json({
          errors: [{ message: "Sign in or send an API key.", extensions: { code: TopLevelErrorCode.UNAUTHENTICATED } }],
        });
        return;
      }
      const rows = await exportRows(forkFor(runtime.orm, principal), req.query as Record<string, unknown>);
      const headers = req.query.lang === "zh" ? HEADERS.zh : HEADERS.en;
      const stamp = new Date().toISOString().slice(0, 10);
      res.setHeader("cache-control", "no-store");
      res.setHeader("content-disposition", `attachment; filename="visits-${stamp}.${format}"`);
      if (format === "xlsx") {
        res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(await toXlsx(headers, rows));
      } else {
        res.type("text/csv; charset=utf-8").send(toCsv(headers, rows));
      }
    } catch (err) {
      if (err instanceof AuthenticationError) {
        res
          .status(401)
          .json({ errors: [{ message: err.message, extensions: { code: TopLevelErrorCode.UNAUTHENTICATED } }] });
      } else if (err instanceof DomainError) {
        res
          .status(400)
          .json({ errors: [{ message: err.message, extensions: { code: err.code, field: err.field ?? null } }] });
      } else if (!answerDatabaseUnavailable(runtime, req, res, err)) {
        runtime.logger.error({ err }, "visit export failed");
        res.status(500).json({
          errors: [
            { message: "Internal server error.", extensions: { code: TopLevelErrorCode.INTERNAL_SERVER_ERROR } },
          ],
        });
      }
    }
  };
}

/** 导出任务分配清单: GET /exports/visits.xlsx and /exports/visits.csv with the list's filters. */
export function registerVisitExportRoutes(runtime: Runtime): void {
  runtime.app.get("/exports/visits.xlsx", handler(runtime, "xlsx"));
  runtime.app.get("/exports/visits.csv", handler(runtime, "csv"));
}
