import { Chip } from "@mui/material";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { enumKey, humanize } from "./format";

interface Props extends FieldProps {
  enumType?: string;
  /** render as a chip (statuses) rather than text */
  chip?: boolean;
}

/** An enum value (or list of values) in the user's language, falling back to a readable name. */
export function EnumField({ enumType, chip, ...props }: Props) {
  const value = useFieldValue(props) as string | string[] | null | undefined;
  const translate = useTranslate();
  if (value === null || value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  const labels = values.map((v) => translate(enumKey(enumType, v), { _: humanize(v) }));
  if (!chip) return <span data-value={values.join(",")}>{labels.join(", ")}</span>;
  return (
    <>
      {labels.map((label, i) => (
        <Chip key={values[i]} size="small" label={label} data-value={values[i]} sx={{ mr: 0.5 }} />
      ))}
    </>
  );
}
