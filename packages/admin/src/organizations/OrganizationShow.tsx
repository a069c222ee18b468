import { Show, useRecordContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { HospitalVisitors } from "./HospitalVisitors";

function VisitorsOfHospital() {
  const record = useRecordContext();
  return record?.kind === "HOSPITAL" ? <HospitalVisitors /> : null;
}

/** An organisation in its sections; a hospital also lists the visitors who cover it. */
export default function OrganizationShow() {
  const meta = resourceMeta("organizations");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      <VisitorsOfHospital />
    </Show>
  );
}
