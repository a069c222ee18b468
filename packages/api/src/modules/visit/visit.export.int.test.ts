import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { safeCell } from "./visit.export.js";
import {
  buildVisitWorld,
  listVisits,
  registerInpatientCase,
  visitMutation,
  type VisitWorld,
} from "./visit-world.fixtures.js";

let api: TestApi;
let w: VisitWorld;
const visitIds: string[] = [];
// 02:30 UTC: a different calendar day and hour in Santiago, so a UTC column cannot pass.
const appointmentAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 4, 2, 30));

beforeAll(async () => {
  api = await startTestApi();
  w = await buildVisitWorld(api);
  for (let i = 0; i < 3; i++) {
    const caseId = await registerInpatientCase(api, w);
    visitIds.push((await listVisits(api, { caseId }, w.operator))[0]!.id);
  }
  const res = await api.gql(
    `mutation($input: AssignVisitInput!) { assignVisit(input: $input) { userErrors { code } } }`,
    { input: { visitIds: visitIds.slice(0, 2), visitorId: w.visitor.id } },
    w.operator,
  );
  expect(res.data).toEqual({ assignVisit: { userErrors: [] } });
  const booked = await visitMutation(
    api,
    "scheduleAppointment",
    {
      patientId: w.patient.id,
      providerId: w.clinic.id,
      scheduledAt: appointmentAt.toISOString(),
    },
    w.operator,
  );
  expect(booked.userErrors).toEqual([]);
});
afterAll(async () => api?.close());

async function download(path: string, token: string | null) {
  return fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function sheetRows(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows: string[][] = [];
  workbook
    .getWorksheet("Visits")!
    .eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return rows;
}

describe("visit assignment list export (导出任务分配清单)", () => {
  it("the XLSX holds the filtered rows with case, patient, hospital and visitor", async () => {
    const rows = await sheetRows(
      await download(`/exports/visits.xlsx?status=SCHEDULED&hospitalId=${w.hospital.id}`, w.operator),
    );
    expect(rows[0]).toEqual([
      "Number",
      "Case",
      "Patient",
      "Hospital / provider",
      "Visitor",
      "Status",
      "Scheduled (site's local time)",
      "Conclusion",
    ]);
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^VIS-\d{4}-\d{6}$/);
      expect(row[1]).toMatch(/^CASE-\d{4}-\d{6}$/);
      expect(row[2]).toBe("王 伟");
      expect(row[3]).toBe("仁济医院");
      expect(row[4]).toBe(w.visitor.name);
      expect(row[5]).toBe("SCHEDULED");
    }
    const zh = await sheetRows(await download(`/exports/visits.xlsx?status=PENDING_ASSIGNMENT&lang=zh`, w.operator));
    expect(zh[0]![0]).toBe("探访编号");
    expect(zh).toHaveLength(2);
  });

  it("a hospital exports its own visits but gets nothing of another hospital's", async () => {
    const own = await sheetRows(await download(`/exports/visits.xlsx?kind=FIELD_VISIT`, w.hospitalKey));
    expect(own).toHaveLength(4);
    const foreign = await sheetRows(
      await download(`/exports/visits.xlsx?hospitalId=${w.hospital.id}`, w.otherHospitalKey),
    );
    expect(foreign).toHaveLength(1); // the header only
    const csv = await download(`/exports/visits.csv?hospitalId=${w.hospital.id}`, w.otherHospitalKey);
    expect((await csv.text()).trim().split("\n")).toHaveLength(1);
  });

  it("the CSV has the same rows, quoted, and refuses bad filters and anonymous callers", async () => {
    const res = await download(`/exports/visits.csv?status=SCHEDULED,PENDING_ASSIGNMENT&kind=FIELD_VISIT`, w.operator);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(4);
    expect((await download(`/exports/visits.csv?status=NOPE`, w.operator)).status).toBe(400);
    expect((await download(`/exports/visits.xlsx`, null)).status).toBe(401);
    expect((await download(`/exports/visits.xlsx`, "not-a-token")).status).toBe(401);
  });

  it("states the scheduled time in the site's zone, with its offset, as the header says", async () => {
    await api.orm.em
      .getConnection()
      .execute(`update organization set time_zone = 'America/Santiago' where id = ?`, [w.clinic.id]);
    const rows = await sheetRows(await download(`/exports/visits.xlsx?kind=APPOINTMENT`, w.operator));
    expect(rows[0]![6]).toBe("Scheduled (site's local time)");
    const year = appointmentAt.getUTCFullYear();
    // Santiago is UTC−3 in March (summer time): 02:30 UTC is 23:30 the evening before.
    expect(rows[1]![6]).toBe(`${year}-03-03 23:30 -03:00`);
    const zh = await sheetRows(await download(`/exports/visits.xlsx?kind=APPOINTMENT&lang=zh`, w.operator));
    expect(zh[0]![6]).toBe("探访时间（医院当地时间）");
  });

  it("a visitor's export holds only the visits assigned to them", async () => {
    const rows = await sheetRows(await download(`/exports/visits.xlsx`, w.strangerVisitor.token));
    expect(rows).toHaveLength(1);
    const mine = await sheetRows(await download(`/exports/visits.xlsx`, w.visitor.token));
    expect(mine).toHaveLength(3);
  });

  it("neutralises spreadsheet formulas in CSV cells", () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-2")).toBe("'-2");
    expect(safeCell("王伟")).toBe("王伟");
  });
});
