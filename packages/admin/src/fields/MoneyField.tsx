import { useFieldValue, useLocaleState, useRecordContext, type FieldProps } from "react-admin";
import { formatMoney } from "./format";

interface Props extends FieldProps {
  /** record path of the currency, e.g. "currency" or "outstanding.currency" */
  currencySource?: string;
}

/** A decimal-string amount with its currency, through Intl in the chosen locale. */
export function MoneyField({ currencySource = "currency", ...props }: Props) {
  const value = useFieldValue(props) as string | null | undefined;
  const record = useRecordContext(props);
  const [locale] = useLocaleState();
  const currency = currencySource.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], record);
  return <span>{formatMoney(value, typeof currency === "string" ? currency : null, locale)}</span>;
}
