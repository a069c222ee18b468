// Per-resource page layouts (src/resources/layout/<resource>.json): which titled
// sections a show page has and which fields each holds, the list's columns, and a
// few display hints. The layout is declared there, not in views; a field the schema
// gains and no layout names lands in the default section, so it is shown, just not
// placed yet.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** @typedef {import('../../src/resources/types').FieldMeta} FieldMeta */
/** @typedef {import('../../src/resources/types').ResourceMeta} ResourceMeta */
/**
 * @typedef {object} Layout
 * @property {{ key: string, fields: string[] }[]} [sections]
 * @property {string[]} [hidden] fields never shown
 * @property {string[]} [list] list columns, in order; `case.patient` follows a reference
 * @property {Record<string, string>} [display] field → a named renderer (liability, bankAccount, percent, rejection, term:<namespace> for codes said through clinigraph.<namespace>)
 * @property {Record<string, string>} [references] `fooId` field → the resource it points at
 * @property {string[]} [representation] fields a reference to the record shows, joined by spaces
 * @property {string} [secondary] a field shown after the representation, set apart
 */

export const DEFAULT_SECTION = "details";
/** Row bookkeeping: says nothing to a reader. */
const BOOKKEEPING = new Set(["id", "version", "updatedAt", "availableTransitions", "readyTransitions"]);

/** @param {string} dir @returns {Record<string, Layout>} */
export function readLayouts(dir) {
  if (!existsSync(dir)) return {};
  /** @type {Record<string, Layout>} */
  const layouts = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    layouts[basename(file, ".json")] = JSON.parse(readFileSync(join(dir, file), "utf8"));
  }
  return layouts;
}

/**
 * Fields a show page may hold: everything but bookkeeping, `fooId` beside its `foo`
 * reference, and `currency` beside the money fields that already show it.
 * @param {FieldMeta[]} fields
 */
function showable(fields) {
  const referenceIds = new Set(fields.filter((f) => f.kind === "reference").map((f) => `${f.name}Id`));
  const currencies = new Set(fields.filter((f) => f.kind === "money").map((f) => f.currency));
  return fields.filter(
    (f) =>
      !BOOKKEEPING.has(f.name) &&
      !referenceIds.has(f.name) &&
      !currencies.has(f.name) &&
      // a bare id says nothing to a reader; one the layout points at a resource shows its name
      !(f.kind === "id" && !f.reference),
  );
}

/**
 * A path names a field, or `ref.field` a field of the resource a reference points at.
 * @param {string} path
 * @param {ResourceMeta} resource
 * @param {Map<string, ResourceMeta>} byName
 */
function checkPath(path, resource, byName) {
  const [head, tail] = path.split(".");
  const field = resource.fields.find((f) => f.name === head);
  if (!field) throw new Error(`layout ${resource.name}: no field "${head}"`);
  if (!tail) return;
  const target = field.reference ? byName.get(field.reference) : undefined;
  if (field.kind !== "reference" || !target?.fields.some((f) => f.name === tail && f.kind === "reference"))
    throw new Error(`layout ${resource.name}: "${path}" must follow a reference to a reference`);
}

/**
 * Applies the layouts to the described resources (in place). A layout naming a field
 * the schema lacks fails the generation, so a rename is caught here and not on screen.
 * @param {ResourceMeta[]} resources
 * @param {Record<string, Layout>} layouts
 */
export function applyLayouts(resources, layouts) {
  const byName = new Map(resources.map((r) => [r.name, r]));
  for (const name of Object.keys(layouts)) {
    if (!byName.has(name)) throw new Error(`layout ${name}: no such resource`);
  }
  for (const resource of resources) {
    const layout = layouts[resource.name] ?? {};
    for (const [field, target] of Object.entries(layout.references ?? {})) {
      const meta = resource.fields.find((f) => f.name === field);
      if (!meta || !byName.has(target)) throw new Error(`layout ${resource.name}: bad reference ${field}`);
      meta.reference = target;
    }
    for (const [field, display] of Object.entries(layout.display ?? {})) {
      const meta = resource.fields.find((f) => f.name === field);
      if (!meta) throw new Error(`layout ${resource.name}: no field "${field}"`);
      meta.display = display;
    }
    if (layout.representation) {
      for (const path of [...layout.representation, layout.secondary ?? layout.representation[0]])
        checkPath(path, resource, byName);
      resource.representationFields = layout.representation;
      if (layout.secondary) resource.secondaryField = layout.secondary;
    }
    const hidden = new Set(layout.hidden ?? []);
    for (const name of Object.keys(layout.references ?? {})) if (hidden.has(name)) hidden.delete(name);
    const placed = new Set();
    /** @type {{ key: string, fields: string[] }[]} */
    const sections = [];
    for (const section of layout.sections ?? []) {
      for (const path of section.fields) checkPath(path, resource, byName);
      section.fields.forEach((path) => placed.add(path));
      sections.push({ key: section.key, fields: [...section.fields] });
    }
    const rest = showable(resource.fields)
      .map((f) => f.name)
      .filter((n) => !placed.has(n) && !hidden.has(n));
    if (rest.length) {
      const existing = sections.find((s) => s.key === DEFAULT_SECTION);
      if (existing) existing.fields.push(...rest);
      else sections.push({ key: DEFAULT_SECTION, fields: rest });
    }
    resource.sections = sections;
    if (layout.list) {
      for (const path of layout.list) checkPath(path, resource, byName);
      resource.listColumns = [...layout.list];
    }
  }
}
