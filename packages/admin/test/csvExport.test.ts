import { describe, expect, it } from "vitest";
import { toCsv } from "../src/data/csvExport";
import { safeCell as serverSafeCell } from "../../api/src/platform/csv/safe-cell";

describe("the console's CSV export", () => {
  it("neutralises cells that a spreadsheet would run as formulas, like the server's exports", () => {
    const csv = toCsv([
      { id: "1", lastName: '=HYPERLINK("http://evil.example","x")', phone: "+56911111111", note: "@SUM(A1)" },
      { id: "2", lastName: "-2+3", phone: "\tcmd", note: "\r=1", count: -5 },
      { id: "3", lastName: "王伟", phone: null, note: "plain, with comma" },
    ]);
    const [header, ...rows] = csv.split("\r\n");
    expect(header).toBe("id,lastName,phone,note,count");
    expect(rows[0]).toBe(`1,"'=HYPERLINK(""http://evil.example"",""x"")",'+56911111111,'@SUM(A1),`);
    expect(rows[1]).toBe(`2,'-2+3,'\tcmd,"'\r=1",-5`);
    expect(rows[2]).toBe(`3,王伟,,"plain, with comma",`);
  });

  it("flattens nested records into dotted columns and neutralises their text too", () => {
    const csv = toCsv([
      { id: "1", patient: { __typename: "Patient", lastName: "=cmd|' /C calc'!A0" }, tags: ["a", "b"] },
    ]);
    expect(csv.split("\r\n")).toEqual(["id,patient.lastName,tags", `1,'=cmd|' /C calc'!A0,"a, b"`]);
  });

  it("uses the server's rule itself", () => {
    for (const cell of ["=1", "+1", "-1", "@x", "\tx", "\rx", "x=1", "", "王伟"])
      expect(toCsv([{ c: cell }]).split("\r\n")[1]).toBe(
        /[",\r\n]|^\s|\s$/.test(serverSafeCell(cell)) ? `"${serverSafeCell(cell)}"` : serverSafeCell(cell),
      );
  });
});
