import {
  ArrayInput,
  AutocompleteInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  minValue,
  required,
  useGetList,
  useTranslate,
} from "react-admin";
import { serviceKey } from "./claimDraft";

/** A claim's lines as inputs: the fee-schedule service (code and description), quantity, optional price. */
export function ClaimLinesInput() {
  const translate = useTranslate();
  const { data: codes = [] } = useGetList("serviceCodes", {
    filter: { active: true },
    pagination: { page: 1, perPage: 100 },
    sort: { field: "code", order: "ASC" },
  });
  const choices = codes.map((c) => ({
    id: serviceKey(String(c.system), String(c.code)),
    name: `${String(c.code)} · ${String(c.description)}`,
  }));
  return (
    <ArrayInput source="lines" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <AutocompleteInput
          source="service"
          label={translate("clinigraph.claims.service")}
          choices={choices}
          validate={required()}
          sx={{ minWidth: 320 }}
        />
        <NumberInput source="quantity" defaultValue={1} validate={[required(), minValue(1)]} />
        <TextInput source="unitPrice" helperText="clinigraph.workflows.unit_price_default" sx={{ minWidth: 200 }} />
      </SimpleFormIterator>
    </ArrayInput>
  );
}
