import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from "react-admin";
import { formatDate, humanize } from "./format";

interface Rejection {
  at?: string | null;
  code?: string | null;
  /** the reason in the provider's language: what the provider was told, not what this reader reads */
  label?: string | null;
  text?: string | null;
}

/** The last rejection: "Missing signature: page 2 unsigned — 12 Nov 2026, 07:00", in the reader's language. */
export function RejectionField(props: FieldProps) {
  const value = useFieldValue(props) as Rejection | null | undefined;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!value?.code) return null;
  const reason = translate(`clinigraph.reasons.${value.code}`, { _: value.label ?? humanize(value.code) });
  return (
    <span data-testid="rejection" data-value={value.code}>
      <bdi>{value.text ? `${reason}: ${value.text}` : reason}</bdi>
      {value.at && <> — {formatDate(value.at, locale, true)}</>}
    </span>
  );
}
