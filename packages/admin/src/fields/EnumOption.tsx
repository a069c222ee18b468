import { useRecordContext, useTranslate } from "react-admin";
import { enumKey, humanize } from "./format";

/** optionText for enum selects: the choice's translated label. */
export function EnumOption({ enumType }: { enumType?: string }) {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(enumKey(enumType, record.id), { _: humanize(record.id) })}</span>;
}
