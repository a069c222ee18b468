import type { ReactNode } from "react";
import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "./GenericShow";
import { RecordHistory } from "./RecordHistory";
import { RelatedList } from "./RelatedList";

interface Props {
  /** the resource shown, e.g. cases */
  resource: string;
  /** what hangs off the record: each related resource and its filter naming the record */
  related: readonly (readonly [reference: string, target: string])[];
  /** the record's status history, read through its single-record query (`case`) */
  history?: { query: string; statusEnum: string };
  /** panels between the record's sections and the related lists */
  children?: ReactNode;
}

/**
 * A record page that is its sections, then the lists of what belongs to it, then its
 * history: the case, patient and policy pages differ only in those lists.
 */
export function RelatedShow({ resource, related, history, children }: Props) {
  const meta = resourceMeta(resource);
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      {children}
      {related.map(([reference, target]) => (
        <RelatedList key={reference} reference={reference} target={target} />
      ))}
      {history && <RecordHistory query={history.query} statusEnum={history.statusEnum} />}
    </Show>
  );
}
