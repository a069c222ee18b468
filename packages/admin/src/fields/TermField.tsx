import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { humanize } from "./format";

/**
 * A code that arrives as data (a specialty, a cap rule) in the reader's language:
 * clinigraph.<namespace>.<code>, or the code made readable when no language has it yet.
 */
export function TermField({ namespace, ...props }: FieldProps & { namespace: string }) {
  const value = useFieldValue(props) as string | string[] | null | undefined;
  const translate = useTranslate();
  if (value === null || value === undefined || value === "") return null;
  const values = Array.isArray(value) ? value : [value];
  return (
    <span data-value={values.join(",")}>
      {values.map((v) => translate(`clinigraph.${namespace}.${v}`, { _: humanize(v) })).join(", ")}
    </span>
  );
}
