import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { ClaimLinesReview } from "./ClaimLinesReview";

/** The claim with its transitions and its lines, editable during review. */
export default function ClaimShow() {
  const meta = resourceMeta("claims");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <ClaimLinesReview />
      <MetaFields meta={meta} />
    </Show>
  );
}
