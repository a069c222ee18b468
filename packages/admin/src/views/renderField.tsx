import {
  BooleanField,
  DateField,
  FunctionField,
  NumberField,
  ReferenceField,
  TextField,
  type RaRecord,
} from "react-admin";
import type { FieldMeta } from "../resources/types";

/** Value objects (Money, Rejection…) read as their sub-values in order: "120.00 EUR". */
function objectText(value: unknown, field: FieldMeta): string {
  if (!value || typeof value !== "object") return "";
  const record = value as Record<string, unknown>;
  return (field.fields ?? [])
    .map((sub) => record[sub.name])
    .filter((v) => v !== null && v !== undefined && v !== "")
    .join(" ");
}

/** A read-only field for one piece of generated metadata; `sortable` follows the schema's orderBy enum. */
export function renderField(field: FieldMeta, sortable: boolean) {
  const common = { source: field.name, sortable };
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
          label={`resources.${field.reference}.name`}
          link="show"
        />
      );
    case "boolean":
      return <BooleanField key={field.name} {...common} />;
    case "int":
    case "float":
      return <NumberField key={field.name} {...common} />;
    case "date":
      return <DateField key={field.name} {...common} />;
    case "datetime":
      return <DateField key={field.name} {...common} showTime />;
    case "json":
      return (
        <FunctionField
          key={field.name}
          {...common}
          render={(record: RaRecord) => JSON.stringify(record[field.name] ?? null)}
        />
      );
    case "object":
      return (
        <FunctionField
          key={field.name}
          {...common}
          render={(record: RaRecord) => objectText(record[field.name], field)}
        />
      );
    default:
      return <TextField key={field.name} {...common} />;
  }
}
