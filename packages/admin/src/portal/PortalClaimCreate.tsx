import { ResourceContextProvider, SimpleForm, Title, useTranslate } from "react-admin";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ClaimForm, useRegisterClaim } from "../claims/ClaimCreate";

/**
 * An agency's (or clinic's) claim intake: the operator's claim form in its partner mode
 * (the case opened with the claim, the coverage read through checkEligibility), with
 * eligibility and the estimate checked before saving; then the claim's page for documents.
 */
export default function PortalClaimCreate() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const save = useRegisterClaim((id) => navigate(`/portal/claims/${id}`));
  // back from registering the patient (New patient), with that patient chosen
  const [params] = useSearchParams();
  const patientId = params.get("patientId") ?? undefined;
  return (
    <ResourceContextProvider value="claims">
      <Title title={translate("clinigraph.portal.new_claim")} />
      <SimpleForm
        toolbar={false}
        defaultValues={{ caseMode: "new", newCase: { patientId }, lines: [{ quantity: 1 }] }}
        data-testid="portal-claim-form"
      >
        <ClaimForm onSave={save} partner />
      </SimpleForm>
    </ResourceContextProvider>
  );
}
