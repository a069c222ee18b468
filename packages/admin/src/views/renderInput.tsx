import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  regex,
  required,
  type Validator,
} from "react-admin";
import type { ReactElement } from "react";
import { DateSaid } from "../fields/DateSaid";
import { EnumOption } from "../fields/EnumOption";
import type { FieldMeta } from "../resources/types";

const DECIMAL = /^-?\d+(\.\d+)?$/;

const validJson: Validator = (value: unknown) => {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  try {
    JSON.parse(value);
    return undefined;
  } catch {
    return "ra.validation.invalid";
  }
};

const formatJson = (value: unknown) =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2);
const parseJson = (value: string) => {
  try {
    return value.trim() === "" ? null : JSON.parse(value);
  } catch {
    // keep the text so the user can fix it; the validator reports it
    return value;
  }
};
const formatList = (value: unknown) => (Array.isArray(value) ? value.join(", ") : (value ?? ""));
const parseList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const choicesOf = (values: string[] = []) => values.map((v) => ({ id: v, name: v }));

interface InputOptions {
  /** prefix for nested inputs, e.g. "amount." */
  prefix?: string;
  /** filters never require a value even when the schema field is non-null */
  forFilter?: boolean;
  alwaysOn?: boolean;
}

/** One editable input for a mutation input or filter field from the generated metadata. */
export function renderInput(field: FieldMeta, options: InputOptions = {}): ReactElement | ReactElement[] {
  const source = `${options.prefix ?? ""}${field.name}`;
  const isRequired = field.required && !options.forFilter;
  const validate: Validator[] = isRequired ? [required()] : [];
  const common = { source, alwaysOn: options.alwaysOn };

  switch (field.kind) {
    case "enum":
      return field.list ? (
        <SelectArrayInput
          key={source}
          {...common}
          choices={choicesOf(field.choices)}
          optionText={<EnumOption enumType={field.enumType} />}
          validate={validate}
        />
      ) : (
        <SelectInput
          key={source}
          {...common}
          choices={choicesOf(field.choices)}
          optionText={<EnumOption enumType={field.enumType} />}
          validate={validate}
        />
      );
    case "reference":
      return field.list ? (
        <ReferenceArrayInput key={source} {...common} reference={field.reference ?? ""}>
          <AutocompleteArrayInput validate={validate} />
        </ReferenceArrayInput>
      ) : (
        <ReferenceInput key={source} {...common} reference={field.reference ?? ""}>
          <AutocompleteInput validate={validate} />
        </ReferenceInput>
      );
    case "boolean":
      return isRequired || !options.forFilter ? (
        <BooleanInput key={source} {...common} />
      ) : (
        <NullableBooleanInput key={source} {...common} />
      );
    case "int":
    case "float":
      return <NumberInput key={source} {...common} validate={validate} />;
    case "date":
      return options.forFilter ? (
        <DateInput key={source} {...common} validate={validate} />
      ) : (
        <DateInput
          key={source}
          {...common}
          validate={validate}
          helperText={<DateSaid source={source} withTime={false} />}
        />
      );
    case "datetime":
      // a filter picks days; the data provider sends each as the instant the day starts or ends
      return options.forFilter ? (
        <DateInput key={source} {...common} validate={validate} />
      ) : (
        <DateTimeInput
          key={source}
          {...common}
          validate={validate}
          helperText={<DateSaid source={source} withTime />}
        />
      );
    case "decimal":
    case "money":
      // Money travels as a decimal string: never through a float.
      return (
        <TextInput
          key={source}
          {...common}
          validate={[...validate, regex(DECIMAL, "ra.validation.number")]}
          inputMode="decimal"
        />
      );
    case "json":
      return (
        <TextInput
          key={source}
          {...common}
          multiline
          minRows={3}
          format={formatJson}
          parse={parseJson}
          validate={[...validate, validJson]}
        />
      );
    case "email":
      return <TextInput key={source} {...common} type="email" validate={validate} />;
    case "phone":
      return <TextInput key={source} {...common} type="tel" validate={validate} />;
    case "object":
      return (field.fields ?? []).flatMap((sub) =>
        renderInput({ ...sub, required: sub.required && field.required }, { ...options, prefix: `${source}.` }),
      );
    default:
      if (field.list)
        return <TextInput key={source} {...common} format={formatList} parse={parseList} validate={validate} />;
      return <TextInput key={source} {...common} validate={validate} />;
  }
}
