import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { UnsavedEditsProvider } from "../transitions/unsavedEdits";
import { ClaimLinesEditButton } from "./ClaimLinesEdit";
import { ClaimLinesReview } from "./ClaimLinesReview";

/**
 * The claim with its transitions and its lines, editable during review; the transitions
 * wait while line amounts are changed but not saved.
 */
export default function ClaimShow() {
  const meta = resourceMeta("claims");
  return (
    <UnsavedEditsProvider>
      <Show actions={<ShowActions meta={meta} />}>
        <ClaimLinesEditButton />
        <ClaimLinesReview />
        <MetaFields meta={meta} />
      </Show>
    </UnsavedEditsProvider>
  );
}
