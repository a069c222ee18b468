import type { ReactNode } from "react";
import { ReferenceField } from "react-admin";
import { resourceMeta } from "../resources/registry";

/**
 * `case.patient`: the record a reference's own reference points at (the patient of an
 * order's case), through two batched getMany calls, never one query per row.
 */
interface Props {
  resource: string;
  path: string;
  link: boolean;
  /** read by Datagrid and Labeled for the header */
  label?: ReactNode;
  source?: string;
  sortable?: boolean;
}

export function ReferencePathField({ resource, path, link }: Props) {
  const [head, tail] = path.split(".");
  const outer = resourceMeta(resource).fields.find((f) => f.name === head);
  const middle = outer?.reference ?? "";
  const inner = resourceMeta(middle).fields.find((f) => f.name === tail);
  return (
    <ReferenceField source={`${head}Id`} reference={middle} link={false}>
      <ReferenceField source={`${tail}Id`} reference={inner?.reference ?? ""} link={link ? "show" : false} />
    </ReferenceField>
  );
}
