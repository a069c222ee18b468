import { useLocaleState } from "react-admin";
import { useWatch } from "react-hook-form";
import { formatDate } from "./format";

/**
 * A native date or date-time picker speaks the browser's language (mm/dd/yyyy for an
 * English browser, whatever the console's language): the chosen value is said again
 * beneath it in the console's (Solar Hijri, Persian digits in فارسی). Used as helperText.
 */
export function DateSaid({ source, withTime }: { source: string; withTime: boolean }) {
  const [locale] = useLocaleState();
  const value = useWatch({ name: source }) as unknown;
  const text =
    value instanceof Date
      ? Number.isNaN(value.getTime())
        ? ""
        : formatDate(value.toISOString(), locale, withTime)
      : typeof value === "string" && value !== "" && !Number.isNaN(Date.parse(value))
        ? formatDate(value, locale, withTime)
        : "";
  // a space keeps the line's height, so the form does not jump when a value is picked
  return <span data-testid={`date-said-${source}`}>{text || " "}</span>;
}
