import { Card, Typography } from "@mui/material";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import {
  BooleanInput,
  DateInput,
  ResourceContextProvider,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  email,
  required,
  useLocaleState,
  useNotify,
  useTranslate,
} from "react-admin";
import { useNavigate, useSearchParams } from "react-router-dom";
import { idempotencyKey, runMutation } from "../data/runMutation";
import { LOCALES } from "../i18n/locales";
import { DateSaid } from "../fields/DateSaid";

const REGISTER_PATIENT = `mutation PortalRegisterPatient($input: RegisterPatientInput!) {
  registerPatient(input: $input) { patient { id customerNumber } userErrors { code field message } }
}`;

type Draft = Record<string, unknown> & { insurance?: Record<string, string | undefined> };

/** Empty inputs are not sent: the API generates the customer number and keeps absent fields null. */
export function registerPatientInput(draft: Draft, key: string): Record<string, unknown> {
  const input: Record<string, unknown> = { idempotencyKey: key };
  for (const [name, value] of Object.entries(draft)) {
    if (name === "insurance" || value === undefined || value === null || value === "") continue;
    input[name] = typeof value === "string" ? value.trim() : value;
  }
  const insurance = Object.fromEntries(
    Object.entries(draft.insurance ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== ""),
  );
  if (Object.keys(insurance).length) input.insurance = insurance;
  return input;
}

/**
 * A clinic, hospital or agency registers the patient whose case it opens (the patient starts
 * as PROSPECT; a declared policy stays unverified until the insurer or the operator confirms
 * it). Opened from the claim form, it goes back there with the patient chosen.
 */
export default function PortalPatientCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [locale] = useLocaleState();
  const [params] = useSearchParams();
  const back = params.get("back");
  // one key per form: a retried submit returns the patient registered the first time
  const [key] = useState(idempotencyKey);

  async function save(draft: Draft) {
    try {
      const payload = await runMutation<{ patient: { id: string; customerNumber: string } | null }>(
        REGISTER_PATIENT,
        "registerPatient",
        registerPatientInput(draft, key),
      );
      notify("clinigraph.portal.patient_registered", {
        type: "success",
        messageArgs: { number: payload.patient?.customerNumber ?? "" },
      });
      await queryClient.invalidateQueries({ queryKey: ["portalPatients"] });
      // only the portal's own claim form is a place to go back to
      if (back === "/portal/claims/new" && payload.patient)
        navigate(`${back}?patientId=${encodeURIComponent(payload.patient.id)}`);
      else navigate("/portal/patients");
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
      return body?.errors;
    }
  }

  return (
    <ResourceContextProvider value="patients">
      <Title title={translate("clinigraph.portal.new_patient")} />
      <Card sx={{ mt: 2, maxWidth: 720 }}>
        <SimpleForm
          onSubmit={save}
          defaultValues={{ language: LOCALES.some((l) => l.locale === locale) ? locale : "es" }}
          data-testid="portal-patient-form"
        >
          <Typography variant="body2" color="text.secondary">
            {translate("clinigraph.portal.new_patient_hint")}
          </Typography>
          <TextInput source="firstName" label="clinigraph.fields.firstName" validate={required()} />
          <TextInput source="lastName" label="clinigraph.fields.lastName" validate={required()} />
          <TextInput source="nationalId" label="clinigraph.fields.nationalId" />
          <DateInput
            source="birthDate"
            helperText={<DateSaid source="birthDate" withTime={false} />}
            label="clinigraph.fields.birthDate"
          />
          <TextInput source="phone" label="clinigraph.fields.phone" helperText="+56912345678" />
          <BooleanInput source="smsConsent" label="clinigraph.fields.smsConsent" />
          <TextInput source="email" label="clinigraph.fields.email" type="email" validate={email()} />
          <BooleanInput source="emailConsent" label="clinigraph.fields.emailConsent" />
          <SelectInput
            source="language"
            label="clinigraph.fields.language"
            choices={LOCALES.map((l) => ({ id: l.locale, name: translate(`clinigraph.enums.Language.${l.locale}`) }))}
          />
          <TextInput source="insurance.insurerName" label="clinigraph.fields.insurerName" />
          <TextInput source="insurance.policyNumber" label="clinigraph.fields.policyNumber" />
        </SimpleForm>
      </Card>
    </ResourceContextProvider>
  );
}
