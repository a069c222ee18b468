import { Card, CardContent, CardHeader, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useLocaleState, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { liabilitySentence, type LiabilityTerms } from "../sentences/liability";

const LIABILITIES = `query PolicyLiabilities($id: ID!) {
  policy(id: $id) { id currency liabilities { id code name coverageRate perClaimLimit annualLimit } }
}`;

/** What the policy covers, one liability a line as a sentence in the policy's currency. */
export function PolicyLiabilities() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ["policyLiabilities", record?.id, record?.version],
    queryFn: () =>
      request<{ policy: { currency: string; liabilities: (LiabilityTerms & { id: string })[] } | null }>(LIABILITIES, {
        id: record?.id,
      }),
    enabled: Boolean(record?.id),
  });
  const policy = data?.policy;
  if (!policy?.liabilities.length) return null;
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="policy-liabilities">
      <CardHeader
        title={translate("clinigraph.fields.liabilities")}
        slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }}
      />
      <CardContent>
        <Stack spacing={1}>
          {policy.liabilities.map((liability) => (
            <Typography key={liability.id} variant="body2" data-testid="policy-liability">
              {liabilitySentence(liability, policy.currency, translate, locale)}
            </Typography>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
