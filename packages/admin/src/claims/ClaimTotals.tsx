import { Box, Card, CardContent, CardHeader, Divider, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { formatMoney } from "../fields/format";
import type { ClaimTotalsData } from "./queries";

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Box sx={{ display: "flex", justifyContent: "space-between", gap: 2, py: 0.5 }}>
      <Typography variant="body2" color={strong ? "text.primary" : "text.secondary"}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: strong ? 700 : 400 }} data-testid={testId}>
        <bdi>{value}</bdi>
      </Typography>
    </Box>
  );
}

/**
 * The claim's totals beside its lines, so the reviewer sees what an edit does before
 * approving: the gross with unsaved edits in (marked as such), then the split the API
 * computed on the last save (deductible, insurer, patient, payable).
 */
export function ClaimTotals({
  totals,
  claimed,
  edited,
  unsaved,
}: {
  totals: ClaimTotalsData;
  /** Σ of the lines as claimed */
  claimed: string | null;
  /** Σ approved amounts with the unsaved edits in; null while one is not a number */
  edited: string | null;
  unsaved: boolean;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = (amount: string) => formatMoney(amount, totals.currency, locale);
  const split = totals.approvedTotals ?? totals;
  const t = (name: string) => translate(`resources.claims.fields.${name}`);
  return (
    <Card variant="outlined" data-testid="claim-totals" sx={{ position: { md: "sticky" }, top: { md: 72 } }}>
      <CardHeader title={translate("clinigraph.review.totals")} slotProps={{ title: { variant: "subtitle1" } }} />
      <CardContent>
        <Row label={translate("clinigraph.review.claimed")} value={claimed === null ? "—" : money(claimed)} />
        {unsaved && (
          <Row
            label={translate("clinigraph.review.edited_gross")}
            value={edited === null ? "—" : money(edited)}
            strong
            testId="edited-gross"
          />
        )}
        <Divider sx={{ my: 1 }} />
        <Row label={t("gross")} value={money(split.gross)} />
        <Row label={t("deductibleApplied")} value={money(split.deductibleApplied)} />
        <Row label={t("covered")} value={money(split.covered)} />
        <Row label={t("patientShare")} value={money(split.patientShare)} />
        <Row label={t("payable")} value={money(split.payable)} strong testId="totals-payable" />
        {unsaved && (
          <Typography variant="caption" color="warning.main" role="status">
            {translate("clinigraph.review.recomputed_on_save")}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
