import { Alert, AlertTitle } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { humanize } from "../fields/format";

const RETURN_REASONS = `query ClaimReturnReasons($id: ID!) { claim(id: $id) { id returnReasons { code text } } }`;

interface Reason {
  code: string;
  text: string;
}

/**
 * Why the claim was returned, while it waits for its correction: one reason a line in the
 * reader's words ("Invoice missing: attach the itemised invoice"); a partner's own code is
 * read out only when the console has no words for it.
 */
export function ClaimReturnNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  const returned = record?.status === "RETURNED";
  const { data } = useQuery({
    queryKey: ["claimReturnReasons", record?.id, record?.version],
    queryFn: () => request<{ claim: { returnReasons: Reason[] } | null }>(RETURN_REASONS, { id: record?.id }),
    enabled: returned,
  });
  const reasons = data?.claim?.returnReasons ?? [];
  if (!returned || reasons.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ m: 2, mb: 0 }} data-testid="return-reasons">
      <AlertTitle>{translate("clinigraph.claims.returned")}</AlertTitle>
      {reasons.map((reason, i) => (
        <div key={i} data-code={reason.code}>
          {/* the reason and the reviewer's text each isolated: a Latin text keeps its full stop in a Persian page */}
          <bdi>{translate(`clinigraph.reasons.${reason.code}`, { _: humanize(reason.code) })}</bdi>
          {reason.text && (
            <>
              : <bdi>{reason.text}</bdi>
            </>
          )}
        </div>
      ))}
    </Alert>
  );
}
