import { useFieldValue, useLocaleState, useRecordContext, useTranslate, type FieldProps } from "react-admin";
import { liabilitySentence, type LiabilityTerms } from "../sentences/liability";

/** A claim's liability as a sentence, its limits in the claim's currency. */
export function LiabilityField(props: FieldProps) {
  const value = useFieldValue(props) as LiabilityTerms | null | undefined;
  const record = useRecordContext(props);
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!value) return null;
  return <span>{liabilitySentence(value, record?.currency as string | undefined, translate, locale)}</span>;
}
