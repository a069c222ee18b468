import { formatDate } from "../fields/format";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface HistoryEntry {
  event: string;
  actorKind: string;
  actorName?: string | null;
  createdAt: string;
}

/** START_EVALUATION → "Start evaluation", the last resort when no language has the event. */
function readable(value: string): string {
  const text = value.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One status change as a sentence: "Submitted for review by Laboratorio Clínico Puerto,
 * 26 Nov 2026, 14:00". The actor is named when the API names them (actorName); the system
 * acts "automatically"; an actor the reader may not know stays unnamed.
 */
export function historySentence(entry: HistoryEntry, translate: Translate, locale: string): string {
  const action = translate(`clinigraph.history.done.${entry.event}`, {
    _: translate(`clinigraph.events.${entry.event}`, { _: readable(entry.event) }),
  });
  const date = formatDate(entry.createdAt, locale, true);
  if (entry.actorKind === "SYSTEM") return translate("clinigraph.history.by_system", { action, date });
  if (entry.actorName) return translate("clinigraph.history.by_actor", { action, actor: entry.actorName, date });
  return translate("clinigraph.history.by_nobody", { action, date });
}
