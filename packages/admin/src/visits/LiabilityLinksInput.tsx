import { Box, Checkbox, FormControlLabel, FormGroup, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useInput, useTranslate } from "react-admin";
import { request } from "../data/api";
import { enumKey, humanize } from "../fields/format";
import { PATIENT_POLICIES, type LinkValue, type PatientPolicy } from "./findingsQueries";

/**
 * 关联保单 → 添加分案: the patient's policies, each with its liabilities to tick. The form
 * field `links` holds the ticked ones; saving replaces the visit's links with them.
 */
export function LiabilityLinksInput({ patientId, disabled }: { patientId: string; disabled?: boolean }) {
  const translate = useTranslate();
  const { field } = useInput<LinkValue[]>({ source: "links", defaultValue: [] });
  const { data, isPending } = useQuery({
    queryKey: ["patientPolicies", patientId],
    queryFn: () => request<{ policies: { nodes: PatientPolicy[] } }>(PATIENT_POLICIES, { patientId }),
  });
  const links: LinkValue[] = field.value ?? [];
  const policies = data?.policies.nodes ?? [];
  const ticked = (liabilityId: string) => links.some((l) => l.liabilityId === liabilityId);
  const toggle = (policyId: string, liabilityId: string) =>
    field.onChange(
      ticked(liabilityId) ? links.filter((l) => l.liabilityId !== liabilityId) : [...links, { policyId, liabilityId }],
    );

  return (
    <Box data-testid="liability-links">
      <Typography variant="subtitle2">{translate("clinigraph.findings.links")}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate("clinigraph.findings.links_hint")}
      </Typography>
      {!isPending && policies.length === 0 && <Typography>{translate("clinigraph.findings.no_policies")}</Typography>}
      {policies.map((policy) => (
        <Box key={policy.id} sx={{ mb: 1 }} data-policy={policy.number}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            <bdi>{policy.number}</bdi> · {translate(enumKey("PolicyType", policy.type), { _: humanize(policy.type) })} ·{" "}
            <bdi>{policy.holderName}</bdi>
          </Typography>
          <FormGroup row>
            {policy.liabilities.map((liability) => (
              <FormControlLabel
                key={liability.id}
                disabled={disabled}
                control={
                  <Checkbox
                    size="small"
                    checked={ticked(liability.id)}
                    onChange={() => toggle(policy.id, liability.id)}
                    slotProps={{ input: { "data-liability": liability.code } as object }}
                  />
                }
                label={
                  <bdi>
                    {liability.code} · {liability.name}
                  </bdi>
                }
              />
            ))}
          </FormGroup>
        </Box>
      ))}
    </Box>
  );
}
