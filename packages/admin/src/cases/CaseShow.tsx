import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { RecordHistory } from "../views/RecordHistory";
import { RelatedList } from "../views/RelatedList";

/** A case (expediente): its sections, then what was done for it (orders, visits, claims) and its history. */
export default function CaseShow() {
  const meta = resourceMeta("cases");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      <RelatedList reference="orders" target="caseId" />
      <RelatedList reference="visits" target="caseId" />
      <RelatedList reference="claims" target="caseId" />
      <RecordHistory query="case" statusEnum="CaseStatus" />
    </Show>
  );
}
