import { BooleanField, FunctionField, NumberField, ReferenceField, TextField, type RaRecord } from "react-admin";
import { EnumField } from "../fields/EnumField";
import { LocaleDateField } from "../fields/LocaleDateField";
import { MoneyField } from "../fields/MoneyField";
import { FieldLabel } from "../fields/FieldLabel";
import { ObjectField } from "../fields/ObjectField";
import { BankAccountField } from "../fields/BankAccountField";
import { LiabilityField } from "../fields/LiabilityField";
import { PercentField } from "../fields/PercentField";
import { ReferencePathField } from "../fields/ReferencePathField";
import { RejectionField } from "../fields/RejectionField";
import { TermField } from "../fields/TermField";
import type { FieldMeta, ResourceMeta } from "../resources/types";

const CHIP_ENUMS = new Set(["status"]);
/** Numbers and references (ORD-2026-000063, CLM-…): one unbreakable left-to-right run in any page. */
const IDENTIFIER = /^(number|code)$|(Number|Reference)$/;

/**
 * A read-only field for one piece of generated metadata; `sortable` follows the schema's
 * orderBy enum. In a list row (`inRow`) a reference is plain text: a click anywhere on the
 * row opens the row's own record, never the record a cell refers to.
 */
export function renderField(field: FieldMeta, sortable: boolean, resource?: string, inRow = false) {
  const common = { source: field.name, sortable };
  // renderers a layout file chose (src/resources/layout/*.json)
  if (field.display === "liability") return <LiabilityField key={field.name} {...common} />;
  if (field.display === "bankAccount") return <BankAccountField key={field.name} {...common} />;
  if (field.display === "percent") return <PercentField key={field.name} {...common} />;
  if (field.display === "rejection") return <RejectionField key={field.name} {...common} />;
  // "term:specialties": a code that arrives as data, said through clinigraph.specialties.<code>
  if (field.display?.startsWith("term:"))
    return <TermField key={field.name} {...common} namespace={field.display.slice("term:".length)} />;
  // an `…Id` field the layout points at a resource: the record's name, not its id
  if (field.kind === "id" && field.reference) {
    return (
      <ReferenceField
        key={field.name}
        {...common}
        reference={field.reference}
        label={<FieldLabel resource={resource} name={field.name} />}
        link={inRow ? false : "show"}
      />
    );
  }
  if (field.kind === "enum") {
    return <EnumField key={field.name} {...common} enumType={field.enumType} chip={CHIP_ENUMS.has(field.name)} />;
  }
  if (field.list) {
    return (
      <FunctionField
        key={field.name}
        {...common}
        render={(record: RaRecord) => ((record[field.name] as unknown[] | undefined) ?? []).join(", ")}
      />
    );
  }
  switch (field.kind) {
    case "reference":
      return (
        <ReferenceField
          key={field.name}
          {...common}
          source={`${field.name}Id`}
          reference={field.reference ?? ""}
          label={<FieldLabel resource={resource} name={field.name} />}
          link={inRow ? false : "show"}
        />
      );
    case "boolean":
      return <BooleanField key={field.name} {...common} />;
    case "int":
    case "float":
      return <NumberField key={field.name} {...common} />;
    case "money":
      return <MoneyField key={field.name} {...common} currencySource={field.currency} />;
    case "date":
      return <LocaleDateField key={field.name} {...common} />;
    case "datetime":
      return <LocaleDateField key={field.name} {...common} showTime />;
    case "json":
      return (
        <FunctionField
          key={field.name}
          {...common}
          render={(record: RaRecord) => JSON.stringify(record[field.name] ?? null)}
        />
      );
    case "object":
      return <ObjectField key={field.name} {...common} meta={field} />;
    default:
      if (IDENTIFIER.test(field.name)) return <TextField key={field.name} {...common} sx={{ whiteSpace: "nowrap" }} />;
      return <TextField key={field.name} {...common} />;
  }
}

/**
 * A column or show-page entry named by a layout: a field, or `case.patient` (the patient of
 * the record's case), labelled by its last part.
 */
export function renderPath(meta: ResourceMeta, path: string, sortable: boolean, inRow = false) {
  if (!path.includes(".")) {
    const field = meta.fields.find((f) => f.name === path);
    return field ? renderField(field, sortable, meta.name, inRow) : null;
  }
  const name = path.slice(path.lastIndexOf(".") + 1);
  return (
    <ReferencePathField
      key={path}
      resource={meta.name}
      path={path}
      link={!inRow}
      label={<FieldLabel resource={meta.name} name={name} />}
      // the cell's class (column-case_patient): a dot would not survive a CSS selector
      source={path.replace(".", "_")}
      sortable={false}
    />
  );
}
