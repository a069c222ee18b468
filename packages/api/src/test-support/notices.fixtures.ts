import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NOTICE_LANGUAGES, type NoticeLanguage } from "../modules/notification/notice-language.js";

/** One notice template as the tests see it: its outbox name, its texts, sample variables. */
export interface NoticeUnderTest<V = unknown> {
  template: string;
  /** Which rendering this is, when a template has optional parts. */
  variant?: string;
  texts: Record<string, (vars: V) => string | { subject: string; body: string }>;
  /** The variables for one language (a reason label, for one, is itself translated). */
  vars: (language: NoticeLanguage) => V;
}

/** The script each language is written in, checked on the text without the variables. */
const SCRIPT: Record<NoticeLanguage, RegExp> = {
  es: /\p{Script=Latin}/u,
  en: /\p{Script=Latin}/u,
  zh: /\p{Script=Han}/u,
  fa: /\p{Script=Arabic}/u,
  bg: /\p{Script=Cyrillic}/u,
};
const FOREIGN_SCRIPTS = /[\p{Script=Han}\p{Script=Arabic}\p{Script=Cyrillic}]/u;

/** Supported languages the table has no text for, and keys that are not a supported language. */
export function languageGaps(texts: Record<string, unknown>): { missing: string[]; unknown: string[] } {
  const keys = Object.keys(texts);
  return {
    missing: NOTICE_LANGUAGES.filter((l) => typeof texts[l] !== "function"),
    unknown: keys.filter((k) => !(NOTICE_LANGUAGES as readonly string[]).includes(k)),
  };
}

/** The strings a renderer was given: the variable itself, or the fields of a variables object. */
const values = (vars: unknown): string[] =>
  (typeof vars === "object" && vars !== null ? Object.values(vars) : [vars]).filter(
    (v): v is string => typeof v === "string" && v !== "",
  );

/**
 * Renders the notice in every supported language and lists what is wrong: a variable
 * whose value is not in the body (SMS carries only the body), a placeholder left
 * unfilled, text not in the language's script, or two languages with the same text.
 */
export function renderingProblems<V>(notice: NoticeUnderTest<V>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, NoticeLanguage>();
  for (const language of NOTICE_LANGUAGES) {
    const render = notice.texts[language];
    if (typeof render !== "function") {
      problems.push(`${language}: no text`);
      continue;
    }
    const vars = notice.vars(language);
    const out = render(vars);
    const { subject, body } = typeof out === "string" ? { subject: null, body: out } : out;
    for (const value of values(vars))
      if (!body.includes(value))
        problems.push(`${language}: the body lacks the variable value ${JSON.stringify(value)}`);
    for (const [part, text] of [
      ["subject", subject],
      ["body", body],
    ] as const) {
      if (text === null) continue;
      if (text.trim() === "") problems.push(`${language}: empty ${part}`);
      if (/undefined|null|NaN|\[object |\$\{|\{\{/.test(text)) problems.push(`${language}: unfilled ${part}: ${text}`);
      const own = values(vars).reduce((t, v) => t.split(v).join(" "), text);
      if (!SCRIPT[language].test(own)) problems.push(`${language}: ${part} is not written in its script: ${text}`);
      if ((language === "es" || language === "en") && FOREIGN_SCRIPTS.test(own))
        problems.push(`${language}: ${part} mixes in another script: ${text}`);
    }
    const other = seen.get(body);
    if (other) problems.push(`${language}: same body as ${other}`);
    seen.set(body, language);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "test-support" || e.name === "node_modules" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * The outbox template names a package's source queues: the `template:` of every object
 * literal in a file that calls enqueueNotification(s), as a string or as a constant declared
 * in the package (`export const X_TEMPLATE = "…"`). Values it cannot read statically are
 * returned in `unreadable`, so a new way of naming a template cannot slip past the check.
 */
export function queuedTemplateNames(srcDir: string): { names: string[]; unreadable: string[] } {
  const files = sourceFiles(srcDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
  const constants = new Map<string, string>();
  for (const { text } of files)
    for (const m of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*"([^"]+)"/g)) constants.set(m[1]!, m[2]!);
  const names = new Set<string>();
  const unreadable: string[] = [];
  for (const { path, text } of files) {
    if (!/\benqueueNotifications?\(/.test(text)) continue;
    for (const m of text.matchAll(/\btemplate:\s*([^,;\n]+),/g)) {
      const value = m[1]!.trim();
      const literal = /^"([^"]+)"$/.exec(value)?.[1] ?? constants.get(value);
      if (literal) names.add(literal);
      else unreadable.push(`${path}: template: ${value}`);
    }
  }
  return { names: [...names].sort(), unreadable };
}
