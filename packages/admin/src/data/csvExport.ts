import { downloadCSV, type Exporter } from "react-admin";
// The API's rule itself (a dependency-free module), so the console's CSV and the server's
// exports neutralise exactly the same cells.
import { safeCell } from "../../../api/src/platform/csv/safe-cell";

type Row = Record<string, unknown>;

/** Nested objects become dotted columns (`patient.lastName`), lists one cell joined by ", ". */
function flatten(value: unknown, prefix: string, out: Row): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value as Row)) {
      if (k === "__typename") continue;
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
    return;
  }
  out[prefix] = value;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function quoted(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The list rows as CSV: one column per field seen in any row (first-seen order), every
 * text cell passed through safeCell — a patient named `=HYPERLINK(…)` opens as text, not
 * as a formula, in the spreadsheet of whoever downloads the list.
 */
export function toCsv(records: readonly Row[]): string {
  const rows = records.map((r) => {
    const flat: Row = {};
    flatten(r, "", flat);
    return flat;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const lines = [columns.map((c) => quoted(safeCell(c))).join(",")];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const v = row[c];
          // A number or boolean is never a formula; text is neutralised.
          const text = typeof v === "number" || typeof v === "boolean" ? String(v) : safeCell(cellText(v));
          return quoted(text);
        })
        .join(","),
    );
  }
  return lines.join("\r\n");
}

/** react-admin's exporter for every list of the console (GenericList, API keys, visits). */
export const safeCsvExporter: Exporter = (records, _fetchRelated, _dataProvider, resource) => {
  downloadCSV(toCsv(records as Row[]), resource ?? "export");
};
