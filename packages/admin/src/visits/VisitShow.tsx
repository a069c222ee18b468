import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { VisitDocuments } from "../documents/VisitDocuments";

/** The visit in its sections, with the materials collected at it and the control to attach more. */
export default function VisitShow() {
  const meta = resourceMeta("visits");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      <VisitDocuments />
    </Show>
  );
}
