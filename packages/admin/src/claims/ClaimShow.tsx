import { Show } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { UnsavedEditsProvider } from "../transitions/unsavedEdits";
import { ClaimPayments } from "../payments";
import { ClaimLinesEditButton } from "./ClaimLinesEdit";
import { ClaimLinesReview } from "./ClaimLinesReview";
import { ClaimReturnNotice } from "./ClaimReturnNotice";
import { ClaimDocuments } from "../documents/ClaimDocuments";

/**
 * The claim with its transitions, why it was returned (while it is), its lines (editable during review, totals beside them),
 * its documents with the kind's checklist and its payments; the transitions wait while line
 * amounts are changed but not saved.
 */
export default function ClaimShow() {
  const meta = resourceMeta("claims");
  return (
    <UnsavedEditsProvider>
      <Show actions={<ShowActions meta={meta} />}>
        <ClaimReturnNotice />
        <ClaimLinesEditButton />
        <ClaimLinesReview />
        <ClaimDocuments />
        <ClaimPayments />
        <MetaFields meta={meta} />
      </Show>
    </UnsavedEditsProvider>
  );
}
