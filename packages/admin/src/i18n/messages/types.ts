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
  };
  resources: Record<string, { name: string }>;
}
