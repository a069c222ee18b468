import englishMessages from "ra-language-english";
import type { TranslationMessages } from "react-admin";
import { RESOURCE_META } from "../resources/registry";
import { resourceFieldLabels } from "./fieldLabels";
import { en } from "./messages/en";
import type { AppMessages, RaMessages } from "./messages/types";
import { mergeMessages } from "./mergeMessages";

type Tree = Record<string, unknown>;

/** A language: its react-admin community pack, what that pack lacks, and the console's messages. */
interface Layers {
  pack: TranslationMessages;
  ra: RaMessages;
  app: AppMessages;
}

/**
 * A community pack's messages, however its module arrives. A CommonJS pack compiled from
 * ESM (`exports.default = messages` with `__esModule`) reaches the production bundle as
 * `{ default: { default: messages } }`: the bundler's Node-style interop ignores
 * `__esModule`, so reading `.default` once gave no `ra` at all and react-admin's own words
 * (ADD FILTER, CREATE, EXPORT, Rows per page) fell back to English.
 */
export function packMessages(module: unknown): TranslationMessages {
  // own keys, not `in`: a module namespace may answer `in` for its default export's keys
  const has = (tree: Tree | undefined, key: string) => !!tree && Object.keys(tree).includes(key);
  let current = module as Tree | undefined;
  for (let depth = 0; depth < 3 && !has(current, "ra") && has(current, "default"); depth++)
    current = current!.default as Tree | undefined;
  if (!has(current, "ra")) throw new Error("A react-admin language pack without `ra` messages");
  return current as unknown as TranslationMessages;
}

/** English is bundled; every other language is a separate chunk fetched on first use. */
const loaders: Record<string, () => Promise<Layers>> = {
  es: async () => {
    const [pack, app] = await Promise.all([import("@blackbox-vision/ra-language-spanish"), import("./messages/es")]);
    return { pack: packMessages(pack), ra: app.ra, app: app.es };
  },
  zh: async () => {
    const [pack, app] = await Promise.all([import("@haxqer/ra-language-chinese"), import("./messages/zh")]);
    return { pack: packMessages(pack), ra: app.ra, app: app.zh };
  },
  fa: async () => {
    const [pack, app] = await Promise.all([import("ra-language-farsi"), import("./messages/fa")]);
    return { pack: packMessages(pack), ra: app.ra, app: app.fa };
  },
  bg: async () => {
    const [pack, app] = await Promise.all([import("ra-language-bulgarian"), import("./messages/bg")]);
    return { pack: packMessages(pack), ra: app.ra, app: app.bg };
  },
};

/** The console's messages with the field labels spread over every generated resource. */
function withFieldLabels(app: AppMessages): Tree {
  return mergeMessages<Tree>(
    { resources: resourceFieldLabels(RESOURCE_META, app.clinigraph.fields) },
    app as unknown as Tree,
  );
}

export const englishCatalog = mergeMessages<TranslationMessages>(englishMessages, withFieldLabels(en));

/**
 * A language's own messages, without English underneath: what the user reads in that
 * language, and what test/i18n.test.ts holds against the English catalogue.
 */
export async function loadOwnMessages(locale: string): Promise<TranslationMessages> {
  const loader = loaders[locale];
  if (!loader) return englishCatalog;
  const { pack, ra, app } = await loader();
  return mergeMessages<TranslationMessages>(pack, ra, withFieldLabels(app));
}

/**
 * The catalogue the console uses: the language over English, so a key a future
 * react-admin adds shows English rather than its raw name until it is translated.
 */
export function loadMessages(locale: string): TranslationMessages | Promise<TranslationMessages> {
  if (!loaders[locale]) return englishCatalog;
  return loadOwnMessages(locale).then((own) => mergeMessages<TranslationMessages>(englishCatalog, own));
}
