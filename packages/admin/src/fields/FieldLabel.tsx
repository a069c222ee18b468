import { useTranslate } from "react-admin";
import { humanize } from "./format";

/**
 * A column label that is translated when the catalogue has it and readable when it does
 * not. A field of another resource (`case.patient` names `patient`, which orders lack)
 * takes the label the console gives that name everywhere (clinigraph.fields).
 */
export function FieldLabel({ resource, name }: { resource?: string; name: string }) {
  const translate = useTranslate();
  const shared = translate(`clinigraph.fields.${name}`, { _: humanize(name) });
  return <>{resource ? translate(`resources.${resource}.fields.${name}`, { _: shared }) : shared}</>;
}
