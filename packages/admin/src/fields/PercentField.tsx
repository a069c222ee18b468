import { useFieldValue, useLocaleState, type FieldProps } from "react-admin";
import { formatRate } from "../sentences/liability";

/** A rate stored as a fraction ("0.7000") shown as a percentage in the reader's locale. */
export function PercentField(props: FieldProps) {
  const value = useFieldValue(props) as string | number | null | undefined;
  const [locale] = useLocaleState();
  return <span>{formatRate(value, locale)}</span>;
}
