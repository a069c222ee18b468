import { useFieldValue, usePermissions, type FieldProps } from "react-admin";

/** The API's own masked form (visit.fields.ts maskTail): the last four characters. */
export function maskAccount(value: string): string {
  if (value.startsWith("••••")) return value;
  return `•••• ${value.replace(/\s+/g, "").slice(-4)}`;
}

/**
 * A payout bank account, masked on screen for everyone but BILLING. The API sends the
 * assignee (a VISITOR) the account in clear so the findings form can correct it; reading
 * screens still show it the way operators see it.
 */
export function BankAccountField(props: FieldProps) {
  const value = useFieldValue(props) as string | null | undefined;
  const { permissions } = usePermissions<string[]>();
  if (!value) return null;
  const clear = Array.isArray(permissions) && permissions.includes("BILLING");
  return (
    <span dir="ltr" data-testid="bank-account">
      {clear ? value : maskAccount(value)}
    </span>
  );
}
