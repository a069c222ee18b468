import { describe, expect, it } from "vitest";
import { raw } from "@mikro-orm/core";
import type { SqlPart } from "../scoping/scope.js";
import { templated } from "./template.js";

/** A stand-in for the query builder: renders a where-object into text and bindings, counting its calls. */
function renderer(transform: (v: unknown) => unknown = (v) => v) {
  const calls = { n: 0 };
  const render = async (where: () => unknown): Promise<SqlPart> => {
    calls.n += 1;
    const w = where() as Record<string, unknown>;
    const params: unknown[] = ["org-1"]; // a constant of the shape, as a scope rule's id
    const conds = Object.entries(w).map(([k, v]) => {
      if (Array.isArray(v)) {
        params.push(...v.map(transform));
        return `${k} in (${v.map(() => "?").join(", ")})`;
      }
      params.push(transform(v));
      return `${k} = ?`;
    });
    return { sql: `select * from t where org = ? and ${conds.join(" and ")} limit 51`, params };
  };
  return { calls, render };
}

describe("templated (root-level rendering kept per shape)", () => {
  it("renders a shape twice once, then answers from the template with the request's own values", async () => {
    const scope = {};
    const { calls, render } = renderer();
    const at = new Date("2026-12-01T00:00:00Z");
    const first = await templated(scope, ["k"], () => ({ status: ["A", "B"], due: at }), render);
    expect(first).toEqual({
      sql: "select * from t where org = ? and status in (?, ?) and due = ? limit 51",
      params: ["org-1", "A", "B", at],
    });
    expect(calls.n).toBe(2);
    const later = new Date("2027-01-01T00:00:00Z");
    const second = await templated(scope, ["k"], () => ({ status: ["C", "D"], due: later }), render);
    expect(second).toEqual({ sql: first.sql, params: ["org-1", "C", "D", later] });
    expect(calls.n).toBe(2);
  });

  it("keys by shape: another list length, key or boolean is another template", async () => {
    const scope = {};
    const { calls, render } = renderer();
    await templated(scope, ["k"], () => ({ status: ["A"] }), render);
    const two = await templated(scope, ["k"], () => ({ status: ["A", "B"] }), render);
    expect(two.sql).toContain("in (?, ?)");
    await templated(scope, ["other principal"], () => ({ status: ["A"] }), render);
    expect(calls.n).toBe(6);
  });

  it("never templates a value the builder transforms: every request is rendered", async () => {
    const scope = {};
    const { calls, render } = renderer((v) => (typeof v === "string" ? v.toLowerCase() : v));
    await templated(scope, ["k"], () => ({ name: "Ana" }), render);
    const again = await templated(scope, ["k"], () => ({ name: "Bea" }), render);
    expect(again.params).toEqual(["org-1", "bea"]);
    expect(calls.n).toBe(3);
  });

  it("renders a where-object holding a raw() fragment per request, once", async () => {
    const scope = {};
    const { calls, render } = renderer();
    const where = () => ({ [raw("x = 1")]: true, a: "1" });
    await templated(scope, ["k"], where, render);
    await templated(scope, ["k"], where, render);
    expect(calls.n).toBe(2);
  });
});
