import { Alert, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  AutocompleteInput,
  DateInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  required,
  useTranslate,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { Link } from "react-router-dom";
import { request } from "../data/api";
import { recordRepresentation, resourceMeta } from "../resources/registry";
import { DateSaid } from "../fields/DateSaid";

const COVERAGE = `query PatientCoverage($input: EligibilityInput!) {
  checkEligibility(input: $input) {
    policyId coverageRate
    limitsRemaining { liabilityId code name coverageRate }
    reasons { code message }
  }
}`;

interface Coverage {
  policyId: string | null;
  limitsRemaining: { liabilityId: string; code: string; name: string; coverageRate: string }[];
  reasons: { code: string; message: string }[];
}

const CASE_KINDS = ["OUTPATIENT", "INPATIENT", "GLOBAL"];

/**
 * A partner's case for the claim: the file it opens with it (patient, kind, incident date:
 * the API reuses its open case of the same scan key) or one of its own cases.
 */
export function PartnerCaseInput() {
  const translate = useTranslate();
  const mode = useWatch({ name: "caseMode" }) as string | undefined;
  const enumName = (value: string) => translate(`clinigraph.enums.CaseKind.${value}`, { _: value });
  return (
    <>
      <RadioButtonGroupInput
        source="caseMode"
        label="clinigraph.portal.claim_case"
        choices={[
          { id: "new", name: "clinigraph.portal.new_case" },
          { id: "existing", name: "clinigraph.portal.existing_case" },
        ]}
        data-testid="portal-claim-case-mode"
      />
      {mode === "existing" ? (
        <ReferenceInput source="caseId" reference="cases" filter={{ status: ["OPEN"] }}>
          <AutocompleteInput validate={required()} optionText={recordRepresentation(resourceMeta("cases"))} />
        </ReferenceInput>
      ) : (
        <>
          <ReferenceInput source="newCase.patientId" reference="patients">
            <AutocompleteInput
              label="clinigraph.fields.patient"
              validate={required()}
              optionText={recordRepresentation(resourceMeta("patients"))}
              data-testid="portal-claim-patient"
            />
          </ReferenceInput>
          <Typography variant="body2" sx={{ mt: -1, mb: 2 }}>
            <Link to="/portal/patients/new?back=/portal/claims/new" data-testid="portal-claim-new-patient">
              {translate("clinigraph.portal.register_patient")}
            </Link>
          </Typography>
          <SelectInput
            source="newCase.kind"
            label="clinigraph.fields.kind"
            validate={required()}
            choices={CASE_KINDS.map((id) => ({ id, name: enumName(id) }))}
          />
          <DateInput
            source="newCase.incidentDate"
            helperText={<DateSaid source="newCase.incidentDate" withTime={false} />}
            label="clinigraph.fields.incidentDate"
            validate={required()}
          />
        </>
      )}
    </>
  );
}

/**
 * The patient's coverage as a partner may read it: the policy in force and its liabilities,
 * from checkEligibility (a partner lists no insurer's policies). The policy goes into the form.
 */
export function CoverageFromEligibility({ patientId }: { patientId?: string }) {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const today = new Date().toISOString().slice(0, 10);
  const { data } = useQuery({
    queryKey: ["patientCoverage", patientId, today],
    queryFn: () =>
      request<{ checkEligibility: Coverage }>(COVERAGE, { input: { patientId, date: today, serviceCodes: [] } }),
    enabled: Boolean(patientId),
  });
  const coverage = data?.checkEligibility;
  const policyId = coverage?.policyId ?? undefined;
  useEffect(() => {
    setValue("policyId", policyId, { shouldDirty: true });
  }, [policyId, setValue]);
  return (
    <>
      {coverage && !coverage.policyId && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="portal-claim-no-coverage">
          {coverage.reasons.map((r) => (
            <div key={r.code}>{translate(`clinigraph.portal.coverage_reasons.${r.code}`, { _: r.message })}</div>
          ))}
        </Alert>
      )}
      {coverage?.policyId && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="portal-claim-coverage">
          {translate("clinigraph.portal.coverage_found")}
        </Typography>
      )}
      <SelectInput
        source="liabilityId"
        validate={required()}
        disabled={!coverage?.policyId}
        label={translate("resources.claims.fields.liability", { _: "Liability" })}
        choices={(coverage?.limitsRemaining ?? []).map((l) => ({ id: l.liabilityId, name: `${l.code} · ${l.name}` }))}
      />
    </>
  );
}
