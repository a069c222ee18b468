import { useTranslate } from "react-admin";
import { humanize } from "./format";

/** A column label that is translated when the catalogue has it and readable when it does not. */
export function FieldLabel({ resource, name }: { resource?: string; name: string }) {
  const translate = useTranslate();
  return <>{resource ? translate(`resources.${resource}.fields.${name}`, { _: humanize(name) }) : humanize(name)}</>;
}
