import { useState } from "react";
import { useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from "react-admin";
import type { ClinigraphDataProvider } from "../data/dataProvider";

export interface TransitionValues {
  reason?: string;
  reasonCode?: string;
  reference?: string;
  scheduledAt?: string;
}

/** Runs one transition against the record as loaded; notifies and refreshes either way. */
export function useRunTransition(resource: string, record: RaRecord | undefined) {
  const dataProvider = useDataProvider<ClinigraphDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [running, setRunning] = useState(false);

  async function run(event: string, label: string, values: TransitionValues = {}): Promise<boolean> {
    if (!record || running) return false;
    setRunning(true);
    try {
      await dataProvider.transition(resource, { id: String(record.id), event, previousData: record, ...values });
      notify(translate("clinigraph.transitions.success", { event: label }), { type: "success" });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
      return false;
    } finally {
      setRunning(false);
      refresh();
    }
  }

  return { run, running };
}
