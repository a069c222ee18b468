/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab/CR) is made text
 * with a leading apostrophe. One rule for every export: the API's (visit.export.ts) and
 * the console's CSV export (packages/admin/src/data/csvExport.ts imports this file), so
 * this module must stay free of imports.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
