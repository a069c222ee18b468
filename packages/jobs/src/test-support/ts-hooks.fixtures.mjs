import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { transform } from "@swc/core";

const apiSrc = new URL("../../../api/src/", import.meta.url);
const ALIASES = {
  "@clinigraph/api/domain": new URL("domain.ts", apiSrc).href,
  "@clinigraph/api": new URL("index.ts", apiSrc).href,
};

export async function resolve(specifier, context, next) {
  if (ALIASES[specifier]) return { url: ALIASES[specifier], shortCircuit: true };
  if (specifier.startsWith(".") && specifier.endsWith(".js") && context.parentURL?.endsWith(".ts")) {
    const ts = new URL(specifier.replace(/\.js$/, ".ts"), context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith(".ts")) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, "utf8"), {
    filename,
    sourceMaps: "inline",
    module: { type: "es6" },
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: "es2022",
    },
  });
  return { format: "module", source: code, shortCircuit: true };
}
