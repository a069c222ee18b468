import { isPartner, isStaff, type Principal, type StaffRole } from "./principal.js";

/**
 * One masking rule per sensitive field (issue 21 item 5), the same whoever asks and through
 * whichever door (GraphQL, exports): the field reads in full for the staff roles that act on
 * the value (ADMIN always) and for the partner organisation that entered it (its own entry
 * tells it nothing new); everyone else reads the field's mask. Every read in full is
 * audited. docs/partners.md renders this table.
 */
export interface SensitiveFieldRule {
  /** Staff roles that read the value in full; ADMIN does too. */
  readonly staffRoles: readonly StaffRole[];
  /** The partner organisation that entered the value reads it in full. */
  readonly enteringPartner: boolean;
  /** What everyone else reads. */
  readonly mask: string;
  /** Why, for the guide. */
  readonly why: string;
}

export const SENSITIVE_FIELDS = {
  "Patient.nationalId": {
    staffRoles: ["REVIEWER"],
    enteringPartner: true,
    mask: "`••••••••` (no digit, not the length: ids such as ЕГН or 身份证号 embed the birth date)",
    why: "reviewers match identities on claims; the registering clinic or hospital entered it",
  },
  "Visit.bankAccount": {
    staffRoles: ["BILLING"],
    // Entered by operator visitors (staff), never by a partner.
    enteringPartner: false,
    mask: "`•••• 1234` (the last four characters)",
    why: "billing pays it out; the visitor who typed it re-enters the whole number to correct it",
  },
} as const satisfies Record<string, SensitiveFieldRule>;

export type SensitiveField = keyof typeof SENSITIVE_FIELDS;

/**
 * Whether `principal` reads `field` in full; `enteredBy` is the organisation that entered the
 * value (a patient's registering organisation), or null when staff entered it.
 */
export function readsInFull(field: SensitiveField, principal: Principal, enteredBy: string | null): boolean {
  const rule: SensitiveFieldRule = SENSITIVE_FIELDS[field];
  // isStaff with no role would mean any staff: an empty list means ADMIN only.
  if (isStaff(principal, ...(rule.staffRoles.length ? rule.staffRoles : (["ADMIN"] as const)))) return true;
  return rule.enteringPartner && isPartner(principal) && enteredBy !== null && principal.organizationId === enteredBy;
}
