import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from "react-admin";
import type { FieldMeta } from "../resources/types";
import { enumKey, formatDate, formatMoney, humanize } from "./format";

/** Row bookkeeping of a nested record (a status change): when it was written, not what it says. */
const BOOKKEEPING = new Set(["updatedAt", "version", "entityType"]);

/**
 * A value object (Money, Rejection, ClaimSplit…) as its sub-values in order;
 * money sub-fields are formatted with the object's own currency.
 */
export function ObjectField({ meta, ...props }: FieldProps & { meta: FieldMeta }) {
  const value = useFieldValue(props) as Record<string, unknown> | null | undefined;
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!value || typeof value !== "object") return null;
  const parts = (meta.fields ?? [])
    // ids and bookkeeping say nothing to a reader; a money sub-field already shows the currency
    .filter((sub) => sub.kind !== "id" && !/Id$/.test(sub.name) && !BOOKKEEPING.has(sub.name))
    .filter((sub) => !(sub.name === "currency" && meta.fields?.some((f) => f.kind === "money")))
    .map((sub) => {
      const v = value[sub.name];
      if (v === null || v === undefined || v === "") return null;
      if (sub.kind === "money")
        return `${translate(`clinigraph.fields.${sub.name}`, { _: humanize(sub.name) })}: ${formatMoney(String(v), value[sub.currency ?? "currency"] as string, locale)}`;
      if (sub.kind === "datetime" || sub.kind === "date") return formatDate(String(v), locale, sub.kind === "datetime");
      if (sub.kind === "enum") return translate(enumKey(sub.enumType, String(v)), { _: humanize(String(v)) });
      return String(v);
    })
    .filter((p) => p !== null);
  return <span>{parts.join(" · ")}</span>;
}
