import { AutocompleteInput, ReferenceInput, required } from "react-admin";

/**
 * Which organisations each kind of work goes to, as the API accepts them (orders:
 * order.service.ts, appointments: visit-creation.ts, field visits: hospitals).
 */
export const PROVIDER_KINDS = {
  order: ["LAB", "CLINIC", "INTERCONSULTANT"],
  appointment: ["CLINIC", "LAB", "INTERCONSULTANT", "HOSPITAL"],
  claim: ["CLINIC", "LAB", "INTERCONSULTANT", "HOSPITAL"],
  fieldVisit: ["HOSPITAL"],
} as const;

interface Props {
  source: string;
  work: keyof typeof PROVIDER_KINDS;
  /** the order's specialty: only providers stating it (or stating none) are offered */
  specialty?: string | null;
  isRequired?: boolean;
  helperText?: string;
}

/**
 * A provider picker that lists only the organisations that fit the work: the kinds that
 * take it, active, and for an order the chosen specialty; typing searches by name or tax id
 * on the server, so a region with hundreds of organisations still finds the right one.
 */
export function ProviderInput({ source, work, specialty, isRequired = false, helperText }: Props) {
  const filter = { kind: [...PROVIDER_KINDS[work]], active: true, ...(specialty ? { specialty } : {}) };
  return (
    <ReferenceInput
      source={source}
      reference="organizations"
      filter={filter}
      sort={{ field: "name", order: "ASC" }}
      perPage={25}
    >
      <AutocompleteInput
        validate={isRequired ? required() : undefined}
        helperText={helperText}
        data-testid={`provider-input-${source}`}
      />
    </ReferenceInput>
  );
}
