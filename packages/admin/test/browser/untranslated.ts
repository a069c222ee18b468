import { englishCatalog, loadOwnMessages } from "../../src/i18n/catalog";
import { RESOURCE_META } from "../../src/resources/registry";

/**
 * What an untranslated console shows, read from the catalogues themselves so that the
 * strings other screens add are checked too: react-admin's raw keys, English messages
 * on a page in another language, and codes (LOWER_LIMB, STAFF) shown as they arrive.
 */

/** "a.b.c" → message */
function flatten(tree: object, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") flatten(value, path, out);
    else out.set(path, String(value));
  }
  return out;
}

/** A key polyglot printed because no catalogue had it: `resources.orders.fields.x`, `clinigraph.enums…`. */
export const RAW_KEY = /\b(?:ra|clinigraph|resources)\.[A-Za-z_]+\.[\w.]+/g;

/** Codes a data row may legitimately show as they are (currencies, schemes, code systems). */
const CODES_AS_IS = new Set(["IBAN", "CLP", "EUR", "USD", "CNY", "IRR", "BGN", "CDT", "CPT", "LOCAL", "SMS", "API"]);

export interface Denylist {
  /** English messages of the console and react-admin the language has its own words for */
  phrases: string[];
  /** every code the console translates (enum values, form choices, reasons, caps) */
  codes: Set<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export async function denylistFor(locale: string): Promise<Denylist> {
  const english = flatten(englishCatalog);
  const own = flatten(await loadOwnMessages(locale));
  const phrases = new Set<string>();
  for (const [key, text] of english) {
    if (own.get(key) === text) continue; // spelled alike (Hospital, IBAN)
    for (const form of text.split("||||")) {
      // the words around the placeholders, each long enough not to occur in names by chance
      for (const part of form.split(/%\{\w+\}/)) {
        const phrase = part.replace(/^[\s:·,.()—–-]+|[\s:·,.()…—–-]+$/g, "");
        if (phrase.length >= 5 && /[a-z]{3}/.test(phrase)) phrases.add(phrase);
      }
    }
  }
  const codes = new Set<string>();
  for (const key of english.keys()) {
    const last = key.slice(key.lastIndexOf(".") + 1);
    if (/^[A-Z][A-Z0-9_]{3,}$/.test(last) && !CODES_AS_IS.has(last)) codes.add(last);
  }
  for (const resource of RESOURCE_META.resources)
    for (const field of resource.fields) for (const c of field.choices ?? []) if (!CODES_AS_IS.has(c)) codes.add(c);
  return { phrases: [...phrases].sort((a, b) => b.length - a.length), codes };
}

/** The untranslated things in a page's text: raw keys, English phrases, raw codes. */
export function untranslated(text: string, deny: Denylist): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(RAW_KEY)) found.add(`raw key ${match[0]}`);
  for (const phrase of deny.phrases) {
    if (new RegExp(`(^|[^\\p{L}])${escape(phrase)}($|[^\\p{L}])`, "u").test(text)) found.add(`English "${phrase}"`);
  }
  for (const match of text.matchAll(/\b[A-Z][A-Z0-9_]{3,}\b/g)) {
    if (deny.codes.has(match[0])) found.add(`code ${match[0]}`);
  }
  return [...found];
}
