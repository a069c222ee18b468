import type { Plugin } from "vite";

/**
 * The screens a user lands on are lazy chunks, so a cold load used to fetch the entry,
 * run it, and only then ask for the screen's chunks: a second round trip before the
 * first data request (≈ 200 ms of the order list's 1.6–1.9 s on the 2-core machine,
 * docs/BENCHMARKS.md "Console time to rows"). This plugin writes a small script into
 * index.html that reads the address (and the remembered language) and adds
 * `<link rel="modulepreload">` for that screen's chunks and their imports, so they
 * download and compile while the entry does.
 */

/** Address (hash path, first segment) → source modules of the screen it opens. */
const SCREENS: Record<string, string[]> = {
  // the charts are their own chunk (recharts), preloaded beside the dashboard rather than inside it
  "/": ["src/dashboard/Dashboard.tsx", "src/dashboard/Charts.tsx"],
  "/orders": ["src/orders/OrderList.tsx", "src/views/GenericList.tsx"],
  "/visits": ["src/visits/VisitList.tsx", "src/views/GenericList.tsx"],
  "/visit-assignment": ["src/visits/VisitAssignment.tsx"],
  "/collections": ["src/payments/CollectionsPage.tsx"],
  "/auditEvents": ["src/audit/AuditEventList.tsx", "src/views/GenericList.tsx"],
  "/apiKeys": ["src/apiKeys/ApiKeyList.tsx", "src/views/GenericList.tsx"],
  /** every other list */
  "*": ["src/views/GenericList.tsx"],
};

/** react-admin's remembered locale → the catalogue chunks it loads (src/i18n/catalog.ts). */
const LOCALES: Record<string, string[]> = {
  es: ["src/i18n/messages/es/index.ts", "ra-language-spanish"],
  zh: ["src/i18n/messages/zh/index.ts", "ra-language-chinese"],
  fa: ["src/i18n/messages/fa/index.ts", "ra-language-farsi"],
  bg: ["src/i18n/messages/bg/index.ts", "ra-language-bulgarian"],
};

interface Chunk {
  type: "chunk";
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  isEntry: boolean;
}

function chunksOf(bundle: Record<string, { type: string }>): Chunk[] {
  return Object.values(bundle).filter((item): item is Chunk => item.type === "chunk");
}

/** The files to preload for some source modules: their chunks and everything those import, minus the entry's. */
function filesFor(chunks: Chunk[], modules: string[], base: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entryFiles = new Set<string>();
  const addEntry = (file: string) => {
    if (entryFiles.has(file)) return;
    entryFiles.add(file);
    byFile.get(file)?.imports.forEach(addEntry);
  };
  chunks.filter((c) => c.isEntry).forEach((c) => addEntry(c.fileName));
  const wanted = new Set<string>();
  const add = (file: string) => {
    if (wanted.has(file) || entryFiles.has(file)) return;
    wanted.add(file);
    byFile.get(file)?.imports.forEach(add);
  };
  for (const module of modules) {
    const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, "/").includes(module));
    if (!chunk) throw new Error(`routePreload: no chunk for ${module}; update SCREENS/LOCALES in routePreload.ts`);
    add(chunk.fileName);
  }
  return [...wanted].map((file) => base + file);
}

export function routePreload(): Plugin {
  let base = "/";
  return {
    name: "clinigraph-route-preload",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        if (!context.bundle) return;
        const chunks = chunksOf(context.bundle as Record<string, { type: string }>);
        const map = (table: Record<string, string[]>) =>
          Object.fromEntries(Object.entries(table).map(([key, modules]) => [key, filesFor(chunks, modules, base)]));
        const screens = JSON.stringify(map(SCREENS));
        const locales = JSON.stringify(map(LOCALES));
        // Runs before the entry module: plain ES5, no imports, nothing that can throw past it.
        const script = `(function(){try{var s=${screens},l=${locales};var p="/"+((location.hash.replace(/^#\\/?/,"").split(/[/?]/)[0])||"");var f=(s[p]||(p==="/"||p==="/login"?[]:s["*"])).slice();var k=null;try{k=JSON.parse(localStorage.getItem("RaStore.locale")||"null")}catch(e){}if(k&&l[k])f=f.concat(l[k]);f.forEach(function(h){var e=document.createElement("link");e.rel="modulepreload";e.href=h;document.head.appendChild(e)})}catch(e){}})();`;
        return [{ tag: "script", children: script, injectTo: "head-prepend" }];
      },
    },
  };
}
