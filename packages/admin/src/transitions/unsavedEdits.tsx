import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

interface UnsavedEdits {
  /** translation key of why the record's transitions wait, or null when nothing is unsaved */
  hint: string | null;
  setHint: (hint: string | null) => void;
}

const Context = createContext<UnsavedEdits>({ hint: null, setHint: () => undefined });

/**
 * Lets a panel of a show page (the claim's line amounts) hold the record's transitions
 * while it has edits not yet saved: approving then would act on the amounts as they were.
 */
export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const [hint, setHint] = useState<string | null>(null);
  const value = useMemo(() => ({ hint, setHint }), [hint]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useUnsavedEdits = () => useContext(Context);
