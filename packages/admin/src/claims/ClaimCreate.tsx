import { Grid } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  required,
  useGetList,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { request } from "../data/api";
import { idempotencyKey, runMutation } from "../data/runMutation";
import { ProviderInput } from "../organizations/ProviderInput";
import { ClaimCheckPanel, useClaimCheck } from "./ClaimCheckPanel";
import { ClaimLinesInput } from "./ClaimLinesInput";
import { CoverageFromEligibility, PartnerCaseInput } from "./PartnerClaimInputs";
import {
  POLICY_LIABILITIES,
  REGISTER_CLAIM,
  isCheckable,
  registerClaimInput,
  type ClaimDraft,
  type Liability,
} from "./claimDraft";

/** The patient of the chosen case (or of the case being opened), for the policy choice and the check. */
function useCasePatient(): string | undefined {
  const caseId = useWatch({ name: "caseId" }) as string | undefined;
  const caseMode = useWatch({ name: "caseMode" }) as ClaimDraft["caseMode"];
  const newPatient = useWatch({ name: "newCase.patientId" }) as string | undefined;
  const existing = caseMode !== "new" && Boolean(caseId);
  const { data } = useGetOne("cases", { id: caseId ?? "" }, { enabled: existing });
  return caseMode === "new" ? newPatient : existing ? (data?.patientId as string | undefined) : undefined;
}

function PolicyAndLiability({ patientId }: { patientId?: string }) {
  const translate = useTranslate();
  const policyId = useWatch({ name: "policyId" }) as string | undefined;
  const { data: policies = [] } = useGetList(
    "policies",
    { filter: { patientId }, pagination: { page: 1, perPage: 50 }, sort: { field: "validFrom", order: "DESC" } },
    { enabled: Boolean(patientId) },
  );
  const { data } = useQuery({
    queryKey: ["policyLiabilities", policyId],
    queryFn: () => request<{ policy: { liabilities: Liability[] } | null }>(POLICY_LIABILITIES, { id: policyId }),
    enabled: Boolean(policyId),
  });
  return (
    <>
      <SelectInput
        source="policyId"
        validate={required()}
        disabled={!patientId}
        choices={policies.map((p) => ({ id: p.id, name: `${String(p.number)} · ${String(p.holderName)}` }))}
      />
      <SelectInput
        source="liabilityId"
        validate={required()}
        disabled={!policyId}
        label={translate("resources.claims.fields.liability", { _: "Liability" })}
        choices={(data?.policy?.liabilities ?? []).map((l) => ({ id: l.id, name: `${l.code} · ${l.name}` }))}
      />
    </>
  );
}

/**
 * The claim form, for an operator registering for a partner and for a partner's own user
 * (`partner`): a partner may open the case with the claim, and reads its patient's coverage
 * through checkEligibility since the insurer's policies are not its to list.
 */
export function ClaimForm({
  onSave,
  partner = false,
}: {
  onSave: (draft: ClaimDraft) => Promise<unknown>;
  partner?: boolean;
}) {
  const patientId = useCasePatient();
  const draft = { ...(useWatch() as ClaimDraft), patientId };
  const { checked, current, running, runCheck } = useClaimCheck(draft);

  return (
    <Grid container spacing={2} sx={{ width: "100%" }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        {partner ? (
          <PartnerCaseInput />
        ) : (
          <ReferenceInput source="caseId" reference="cases">
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        )}
        {partner ? <CoverageFromEligibility patientId={patientId} /> : <PolicyAndLiability patientId={patientId} />}
        <ProviderInput source="providerId" work="claim" isRequired />
        <ClaimLinesInput />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <ClaimCheckPanel
          check={checked?.result ?? null}
          current={current}
          checkable={isCheckable(draft)}
          running={running}
          onCheck={runCheck}
        />
      </Grid>
      <SaveGate current={current} onSave={onSave} patientId={patientId} />
    </Grid>
  );
}

/** Save is offered once eligibility and cost were checked for exactly what is in the form. */
function SaveGate({
  current,
  onSave,
  patientId,
}: {
  current: boolean;
  onSave: (draft: ClaimDraft) => Promise<unknown>;
  patientId?: string;
}) {
  const { handleSubmit, setError } = useFormContext();
  return (
    <Toolbar sx={{ width: "100%" }}>
      <SaveButton
        disabled={!current}
        alwaysEnable={current}
        type="button"
        onClick={handleSubmit(async (values: Record<string, unknown>) => {
          const errors = (await onSave({ ...(values as ClaimDraft), patientId })) as Record<string, string> | undefined;
          for (const [field, message] of Object.entries(errors ?? {}))
            setError(field as never, { type: "server", message: String(message) });
        })}
      />
    </Toolbar>
  );
}

/** registerClaim for a checked draft; the API's field errors go back to the form. */
export function useRegisterClaim(onCreated: (id: string) => void) {
  const notify = useNotify();
  return async function save(draft: ClaimDraft) {
    try {
      const payload = await runMutation<{ claim: { id: string } | null }>(
        REGISTER_CLAIM,
        "registerClaim",
        registerClaimInput(draft, idempotencyKey()),
      );
      notify("ra.notification.created", { type: "success", messageArgs: { smart_count: 1 } });
      if (payload.claim) onCreated(payload.claim.id);
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
      return body?.errors;
    }
  };
}

/**
 * An operator registers a DRAFT claim for a partner (agency or hospital): case, policy,
 * liability, provider and lines, with eligibility and the estimate checked first.
 */
export default function ClaimCreate() {
  const redirect = useRedirect();
  const save = useRegisterClaim((id) => redirect("show", "claims", id));
  return (
    <Create>
      <SimpleForm toolbar={false} defaultValues={{ lines: [{ quantity: 1 }] }}>
        <ClaimForm onSave={save} />
      </SimpleForm>
    </Create>
  );
}
