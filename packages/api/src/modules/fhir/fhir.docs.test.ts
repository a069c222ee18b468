import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTROL_PARAMS, COMMON_PARAMS, includesOf, paramsOf } from "./fhir.query.js";
import { FHIR_RESOURCES } from "./fhir.resources.js";

const doc = readFileSync(new URL("../../../../../docs/fhir.md", import.meta.url), "utf8");

describe("docs/fhir.md", () => {
  it("documents every served type with each of its search parameters, sorts and includes", () => {
    for (const def of FHIR_RESOURCES) {
      const at = doc.search(new RegExp(`^### ${def.type}\\b`, "m"));
      expect(at, def.type).toBeGreaterThan(0);
      const next = doc.indexOf("\n### ", at + 1);
      const section = doc.slice(at, next < 0 ? undefined : next);
      const own = Object.keys(paramsOf(def)).filter((p) => !(p in COMMON_PARAMS));
      for (const p of own) expect(section, `${def.type} ${p}`).toContain(`\`${p}\``);
      for (const s of Object.keys(def.sources[0]!.sort))
        expect(section, `${def.type} _sort ${s}`).toContain(`\`${s}\``);
      for (const i of includesOf(def)) expect(section, `${def.type} ${i}`).toContain(`\`${i}\``);
    }
    // A table row per parameter, whatever the column padding.
    for (const p of [...CONTROL_PARAMS, ...Object.keys(COMMON_PARAMS)])
      expect(doc, p).toMatch(new RegExp(`^\\|\\s*\`${p}\`\\s*\\|`, "m"));
  });
});
