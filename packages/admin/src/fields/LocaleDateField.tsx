import { useFieldValue, useLocaleState, type FieldProps } from "react-admin";
import { formatDate } from "./format";

/** A LocalDate or DateTime through Intl in the console's locale (not the browser's). */
export function LocaleDateField({ showTime, ...props }: FieldProps & { showTime?: boolean }) {
  const value = useFieldValue(props) as string | null | undefined;
  const [locale] = useLocaleState();
  return <span>{formatDate(value, locale, Boolean(showTime))}</span>;
}
