import { Card, CardContent } from "@mui/material";
import {
  AutocompleteInput,
  DateTimeInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SimpleForm,
  Title,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from "react-admin";
import { useLocation } from "react-router-dom";
import { useWatch } from "react-hook-form";
import { idempotencyKey, runMutation } from "../data/runMutation";
import { ProviderInput } from "../organizations/ProviderInput";
import { DateSaid } from "../fields/DateSaid";

const CREATE_FIELD_VISIT = `mutation FieldVisit($input: CreateFieldVisitInput!) {
  createFieldVisit(input: $input) { visit { id } userErrors { code field message } }
}`;
const SCHEDULE_APPOINTMENT = `mutation Book($input: ScheduleAppointmentInput!) {
  scheduleAppointment(input: $input) { visit { id } userErrors { code field message } }
}`;

type VisitPayload = { visit: { id: string } | null };

/** What each kind of visit is created from (SPEC §3 visits): a field visit from a case, an appointment for a patient. */
async function createVisit(values: Record<string, unknown>): Promise<string | undefined> {
  const key = idempotencyKey();
  if (values.kind === "APPOINTMENT") {
    const payload = await runMutation<VisitPayload>(SCHEDULE_APPOINTMENT, "scheduleAppointment", {
      patientId: values.patientId,
      providerId: values.providerId,
      caseId: values.caseId || undefined,
      // the picker gives the user's wall-clock time; the API takes the instant it names
      scheduledAt: new Date(String(values.scheduledAt)).toISOString(),
      idempotencyKey: key,
    });
    return payload.visit?.id;
  }
  const payload = await runMutation<VisitPayload>(CREATE_FIELD_VISIT, "createFieldVisit", {
    caseId: values.caseId,
    hospitalId: values.hospitalId || undefined,
    idempotencyKey: key,
  });
  return payload.visit?.id;
}

function KindFields() {
  const kind = useWatch({ name: "kind" }) as string;
  if (kind === "APPOINTMENT")
    return (
      <>
        <ReferenceInput source="patientId" reference="patients">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ProviderInput source="providerId" work="appointment" isRequired />
        <ReferenceInput source="caseId" reference="cases">
          <AutocompleteInput />
        </ReferenceInput>
        <DateTimeInput
          source="scheduledAt"
          validate={required()}
          helperText={<DateSaid source="scheduledAt" withTime />}
        />
      </>
    );
  return (
    <>
      <ReferenceInput source="caseId" reference="cases">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ProviderInput source="hospitalId" work="fieldVisit" helperText="clinigraph.workflows.hospital_default" />
    </>
  );
}

/**
 * A new visit: a field visit waiting for assignment (createFieldVisit) or a booked
 * appointment (scheduleAppointment); `?kind=APPOINTMENT` opens the booking.
 */
export default function VisitCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { search } = useLocation();
  const kind = new URLSearchParams(search).get("kind") === "APPOINTMENT" ? "APPOINTMENT" : "FIELD_VISIT";

  async function save(values: Record<string, unknown>) {
    try {
      const id = await createVisit(values);
      notify("ra.notification.created", { type: "success", messageArgs: { smart_count: 1 } });
      if (id) redirect("show", "visits", id);
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      if (body?.errors) return body.errors;
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    }
  }

  return (
    <Card sx={{ mt: 1 }}>
      <Title
        title={translate(
          kind === "APPOINTMENT" ? "clinigraph.workflows.book_appointment" : "clinigraph.workflows.new_field_visit",
        )}
      />
      <CardContent>
        <SimpleForm defaultValues={{ kind }} onSubmit={save}>
          <RadioButtonGroupInput
            source="kind"
            choices={[
              { id: "FIELD_VISIT", name: "clinigraph.enums.VisitKind.FIELD_VISIT" },
              { id: "APPOINTMENT", name: "clinigraph.enums.VisitKind.APPOINTMENT" },
            ]}
          />
          <KindFields />
        </SimpleForm>
      </CardContent>
    </Card>
  );
}
