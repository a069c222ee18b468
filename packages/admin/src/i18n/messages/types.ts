/** Messages the console adds on top of react-admin's own, per language. */
export interface AppMessages {
  clinigraph: {
    language: string;
    errors: { stale_version: string };
    transitions: {
      confirm_title: string;
      confirm_content: string;
      reason: string;
      reason_code: string;
      reference: string;
      success: string;
    };
    /** labels for transition events; unknown events fall back to a humanised name */
    events: Record<string, string>;
    /** menu entries (layout/access.ts screens that are not plain resources) */
    menu: Record<string, string>;
    /** domain enum labels: enums.<EnumType>.<VALUE>; a missing one shows a humanised value */
    enums: Record<string, Record<string, string>>;
    /** workflow screens; a language without them shows English */
    orders?: Record<string, string>;
    visits?: Record<string, string>;
    claims?: Record<string, string>;
    api_keys?: Record<string, string>;
    dashboard?: Record<string, string>;
  };
  resources: Record<string, { name: string }>;
}
