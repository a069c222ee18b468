import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { RelatedList } from "../views/RelatedList";
import { PolicyLiabilities } from "./PolicyLiabilities";

/** A policy: its terms, what each liability covers, its members and the claims made under it. */
export default function PolicyShow() {
  const meta = resourceMeta("policies");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
      <PolicyLiabilities />
      <RelatedList reference="patients" target="policyId" />
      <RelatedList reference="claims" target="policyId" />
    </Show>
  );
}
