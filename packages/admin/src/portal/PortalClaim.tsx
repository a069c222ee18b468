import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from "@mui/material";
import { Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from "react-admin";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { ClaimLinesEditButton } from "../claims/ClaimLinesEdit";
import { ClaimLinesReview } from "../claims/ClaimLinesReview";
import { ClaimReturnNotice } from "../claims/ClaimReturnNotice";
import { ClaimDocuments } from "../documents/ClaimDocuments";
import { formatDate } from "../fields/format";
import { resourceMeta } from "../resources/registry";
import { TransitionBar } from "../transitions/TransitionBar";
import { UnsavedEditsProvider } from "../transitions/unsavedEdits";

function ClaimHeader() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const kase = record.case as { number?: string; scanKey?: string } | undefined;
  return (
    <Card variant="outlined" sx={{ m: 2, mb: 0 }}>
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }}>
          <Typography variant="h6" data-testid="portal-claim-number">
            <bdi>{String(record.number)}</bdi>
          </Typography>
          <Chip
            label={translate(`clinigraph.enums.ClaimStatus.${String(record.status)}`, { _: String(record.status) })}
            data-testid="portal-claim-status"
            data-status={String(record.status)}
          />
          {kase?.number && (
            <Typography variant="body2">
              {translate("resources.cases.name", { smart_count: 1 })}: <bdi>{kase.number}</bdi>
            </Typography>
          )}
          {typeof record.deliveryDueAt === "string" && (
            <Typography variant="body2">
              {translate("clinigraph.fields.deliveryDueAt")}: {formatDate(record.deliveryDueAt, locale, true)}
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The page's title: the claim's number (the claims resource is not registered for partners). */
function ClaimTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return (
    <span>
      {translate("resources.claims.name", { smart_count: 1 })} {record ? String(record.number) : ""}
    </span>
  );
}

/**
 * A partner's own claim: why it was returned, its lines (corrected while DRAFT or RETURNED),
 * its documents with the kind's checklist and the upload, and the events the API offers
 * (submit, cancel). Another organisation's id answers as a missing one.
 */
export default function PortalClaim() {
  const { id } = useParams();
  const translate = useTranslate();
  const [missing, setMissing] = useState(false);
  const meta = resourceMeta("claims");
  // a missing or foreign id stays on this page (react-admin would redirect to the operator's list)
  if (missing)
    return (
      <Alert severity="warning" sx={{ mt: 2 }} data-testid="portal-not-found">
        {translate("clinigraph.portal.not_found")}
      </Alert>
    );
  return (
    <UnsavedEditsProvider>
      <Show
        resource="claims"
        id={id}
        title={<ClaimTitle />}
        queryOptions={{ retry: false, onError: () => setMissing(true) }}
        actions={
          <TopToolbar>
            <TransitionBar meta={meta} />
          </TopToolbar>
        }
      >
        <ClaimHeader />
        <ClaimReturnNotice />
        <Box sx={{ mx: 2, mt: 2 }}>
          <ClaimLinesEditButton />
        </Box>
        <ClaimLinesReview readOnly />
        <ClaimDocuments attach />
      </Show>
    </UnsavedEditsProvider>
  );
}
