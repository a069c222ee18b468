import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { RecordHistory } from "../views/RecordHistory";
import { RelatedList } from "../views/RelatedList";

/** A patient: person, contact and insurance, then their policies, cases, visits and claims, and the history. */
export default function PatientShow() {
  const meta = resourceMeta("patients");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      <RelatedList reference="policies" target="patientId" />
      <RelatedList reference="cases" target="patientId" />
      <RelatedList reference="visits" target="patientId" />
      <RelatedList reference="claims" target="patientId" />
      <RecordHistory query="patient" statusEnum="PatientStatus" />
    </Show>
  );
}
