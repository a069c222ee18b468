import englishMessages from "ra-language-english";
import type { TranslationMessages } from "react-admin";
import { en } from "./messages/en";
import { mergeMessages } from "./mergeMessages";

/** English is bundled; every other language is a separate chunk fetched on first use. */
const loaders: Record<string, () => Promise<TranslationMessages>> = {
  es: async () => {
    const [pack, app] = await Promise.all([import("@blackbox-vision/ra-language-spanish"), import("./messages/es")]);
    return compose(pack.default, app.es);
  },
  zh: async () => {
    const [pack, app] = await Promise.all([import("@haxqer/ra-language-chinese"), import("./messages/zh")]);
    return compose(pack.default as unknown as TranslationMessages, app.zh);
  },
  fa: async () => {
    const [pack, app] = await Promise.all([import("ra-language-farsi"), import("./messages/fa")]);
    return compose(pack.default, app.fa);
  },
  bg: async () => {
    const [pack, app] = await Promise.all([import("ra-language-bulgarian"), import("./messages/bg")]);
    return compose(pack.default, app.bg);
  },
};

export const englishCatalog = mergeMessages<TranslationMessages>(
  englishMessages,
  en as unknown as Record<string, unknown>,
);

function compose(pack: TranslationMessages, app: object): TranslationMessages {
  return mergeMessages<TranslationMessages>(englishCatalog, pack, app as Record<string, unknown>);
}

export function loadMessages(locale: string): TranslationMessages | Promise<TranslationMessages> {
  const loader = loaders[locale];
  return loader ? loader() : englishCatalog;
}
