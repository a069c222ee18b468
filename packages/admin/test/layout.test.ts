import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";

const sdl = readFileSync(join(import.meta.dirname, "fixture.graphql"), "utf8");
const ORDER_LAYOUT = {
  sections: [
    { key: "summary", fields: ["number", "status", "case.patient", "provider"] },
    { key: "deadlines", fields: ["confirmBy", "dueAt"] },
  ],
  hidden: ["formData"],
  list: ["number", "case.patient", "provider", "status", "dueAt"],
};
const orders = (schema: string, layout: object) =>
  describeSchema(buildSchema(schema), { orders: layout as never }).resources.find((r) => r.name === "orders")!;

describe("page layouts declared per resource", () => {
  it("sections follow the layout; unplaced fields land in the default section, bookkeeping in none", () => {
    const meta = orders(sdl, ORDER_LAYOUT);
    expect(meta.sections.map((s) => s.key)).toEqual(["summary", "deadlines", "details"]);
    expect(meta.sections[0]!.fields).toEqual(["number", "status", "case.patient", "provider"]);
    const details = meta.sections[2]!.fields;
    expect(details).toContain("kind");
    for (const hidden of ["id", "version", "updatedAt", "availableTransitions", "formData"])
      expect(details).not.toContain(hidden);
    expect(meta.listColumns).toEqual(["number", "case.patient", "provider", "status", "dueAt"]);
  });

  it("a field the schema gains and no layout names is shown in the default section", () => {
    const grown = sdl.replace("type Order implements Node {\n", "type Order implements Node {\n  triageNote: String\n");
    expect(orders(grown, ORDER_LAYOUT).sections.find((s) => s.key === "details")!.fields).toContain("triageNote");
  });

  it("a layout naming a field the schema lacks fails the generation", () => {
    expect(() => orders(sdl, { sections: [{ key: "summary", fields: ["numbr"] }] })).toThrow(/no field "numbr"/);
    expect(() => orders(sdl, { list: ["number.patient"] })).toThrow(/must follow a reference/);
  });
});
