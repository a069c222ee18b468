import { useQuery } from "@tanstack/react-query";
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  DateTimeInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetList,
  useTranslate,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { request } from "../data/api";
import { EnumOption } from "../fields/EnumOption";
import { ProviderInput } from "../organizations/ProviderInput";
import { resourceMeta } from "../resources/registry";
import { FORM_TEMPLATES, type FormTemplate } from "./queries";
import { DateSaid } from "../fields/DateSaid";

/** Specialties come from the report templates: an order's provider reports on that specialty's form. */
function SpecialtyInput() {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ["formTemplates", "all"],
    queryFn: () => request<{ formTemplates: FormTemplate[] }>(FORM_TEMPLATES, { specialty: null }),
  });
  const specialties = [...new Set((data?.formTemplates ?? []).map((t) => t.specialty))].sort();
  return (
    <SelectInput
      source="specialty"
      validate={required()}
      choices={specialties.map((s) => ({ id: s, name: translate(`clinigraph.specialties.${s}`, { _: s }) }))}
    />
  );
}

/** The fee-schedule codes of the chosen specialty, picked by code and description. */
function ServiceCodesInput() {
  const specialty = useWatch({ name: "specialty" }) as string | undefined;
  const { data = [] } = useGetList(
    "serviceCodes",
    {
      filter: { specialty, active: true },
      pagination: { page: 1, perPage: 100 },
      sort: { field: "code", order: "ASC" },
    },
    { enabled: Boolean(specialty) },
  );
  return (
    <AutocompleteArrayInput
      source="serviceCodes"
      validate={required()}
      disabled={!specialty}
      choices={data.map((c) => ({ id: String(c.code), name: `${String(c.code)} · ${String(c.description)}` }))}
    />
  );
}

/** The providers that take orders in the chosen specialty, once one is chosen. */
function OrderProviderInput() {
  const specialty = useWatch({ name: "specialty" }) as string | undefined;
  return <ProviderInput source="providerId" work="order" specialty={specialty} isRequired />;
}

/** Issues an order: the case, the provider, the specialty and its services (SPEC §3 orders). */
export default function OrderCreate() {
  const kinds = resourceMeta("orders").create?.fields.find((f) => f.name === "kind");
  return (
    <Create redirect="show">
      <SimpleForm>
        <ReferenceInput source="caseId" reference="cases">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <SelectInput
          source="kind"
          validate={required()}
          choices={(kinds?.choices ?? []).map((id) => ({ id, name: id }))}
          optionText={<EnumOption enumType={kinds?.enumType} />}
        />
        <SpecialtyInput />
        <OrderProviderInput />
        <ServiceCodesInput />
        <DateTimeInput source="dueAt" helperText={<DateSaid source="dueAt" withTime />} />
        <TextInput source="notes" multiline minRows={2} />
      </SimpleForm>
    </Create>
  );
}
