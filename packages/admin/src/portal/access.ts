/**
 * The partner portal's screens (issue #20): what a partner's own user works with, by its
 * organisation's kind. The API scopes every row to the organisation, as for its API key;
 * this only keeps the menu and routes to what the kind does.
 */
export type PortalScreen = "orders" | "patients" | "visits" | "cases" | "claims" | "users" | "integrations";

const BY_KIND: Record<string, PortalScreen[]> = {
  LAB: ["orders"],
  // the kinds that open cases register their patients (registerPatient)
  CLINIC: ["orders", "patients", "cases", "claims"],
  INTERCONSULTANT: ["orders"],
  HOSPITAL: ["patients", "visits", "cases"],
  AGENCY: ["patients", "cases", "claims"],
  INSURER: ["claims"],
};

export interface PartnerSession {
  kind: string;
  admin: boolean;
}

/** The partner behind the permissions (auth/authProvider permissionsOf), or null for staff. */
export function partnerOf(permissions: unknown): PartnerSession | null {
  if (!Array.isArray(permissions) || !permissions.includes("PARTNER")) return null;
  const kind = (permissions as string[]).find((p) => p in BY_KIND) ?? "";
  return { kind, admin: permissions.includes("PARTNER_ADMIN") };
}

export function portalScreens(permissions: unknown): PortalScreen[] {
  const partner = partnerOf(permissions);
  if (!partner) return [];
  // users, keys and webhook endpoints are the partner admin's to manage
  return [...(BY_KIND[partner.kind] ?? []), ...(partner.admin ? (["users", "integrations"] as const) : [])];
}

/** Kinds whose users register claims themselves (registerClaim); an insurer only reads them. */
const CLAIM_REGISTRANTS = ["AGENCY", "CLINIC"];
export function canRegisterClaims(permissions: unknown): boolean {
  return CLAIM_REGISTRANTS.includes(partnerOf(permissions)?.kind ?? "");
}

/**
 * The provider's trays (Mis peritajes: requeridos, en evaluación, devueltos, terminados),
 * each a set of order statuses; a suspended order waits in evaluation.
 */
export const PROVIDER_TRAYS = {
  REQUIRED: ["ISSUED"],
  IN_EVALUATION: ["CONFIRMED", "IN_EVALUATION", "SUSPENDED"],
  RETURNED: ["REJECTED"],
  DONE: ["IN_VERIFICATION", "VALIDATED_FOR_BILLING", "BILLED", "VOIDED", "EXPIRED"],
} as const;
export type ProviderTray = keyof typeof PROVIDER_TRAYS;
export const PROVIDER_TRAY_NAMES = Object.keys(PROVIDER_TRAYS) as ProviderTray[];

/** A deadline within a day is near; past it, late. */
export function deadlineState(at: string, now = Date.now()): "late" | "near" | "ok" {
  const ms = new Date(at).getTime() - now;
  if (ms < 0) return "late";
  return ms < 24 * 3600 * 1000 ? "near" : "ok";
}
