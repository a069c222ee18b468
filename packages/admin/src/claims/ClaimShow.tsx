import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { UnsavedEditsProvider } from "../transitions/unsavedEdits";
import { ClaimLinesReview } from "./ClaimLinesReview";
import { ClaimDocuments } from "../documents/ClaimDocuments";

/**
 * The claim with its transitions, its lines (editable during review) and its documents
 * with the kind's checklist; the transitions
 * wait while line amounts are changed but not saved.
 */
export default function ClaimShow() {
  const meta = resourceMeta("claims");
  return (
    <UnsavedEditsProvider>
      <Show actions={<ShowActions meta={meta} />}>
        <ClaimLinesReview />
        <ClaimDocuments />
        <MetaFields meta={meta} />
      </Show>
    </UnsavedEditsProvider>
  );
}
