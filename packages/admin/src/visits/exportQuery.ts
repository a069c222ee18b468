/**
 * The visit list's filters as the export route's query string: the same names
 * as VisitFilter, lists comma-joined, empty values left out.
 */
export function exportQuery(filter: Record<string, unknown>, locale: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, Array.isArray(value) ? value.map(String).join(",") : String(value));
  }
  params.set("lang", locale);
  return params.toString();
}
