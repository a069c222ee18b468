import { buildSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";
import { toFilter } from "../src/data/dataProvider";
import { isUpperBound, toInstant } from "../src/data/dateFilters";
import { RESOURCE_META } from "../src/resources/registry";

const meta = describeSchema(buildSchema(readFileSync(join(import.meta.dirname, "fixture.graphql"), "utf8")));
const orders = meta.resources.find((r) => r.name === "orders")!;
const originalZone = process.env.TZ;

/** Node re-reads TZ when it changes, so each test runs in the operator's zone it names. */
function inZone(zone: string) {
  process.env.TZ = zone;
}
afterEach(() => {
  process.env.TZ = originalZone;
});

describe("date filters send instants in the operator's zone", () => {
  it("turns Issued from/to days into the start and the end of those days in Santiago (UTC−3 in December)", () => {
    inZone("America/Santiago");
    expect(toFilter(orders, { issuedFrom: "2026-12-01", issuedTo: "2026-12-01" })).toEqual({
      issuedFrom: "2026-12-01T03:00:00.000Z",
      // the API's upper bound is exclusive: the day ends when the next one starts
      issuedTo: "2026-12-02T03:00:00.000Z",
    });
  });

  it("does the same east of Greenwich (Tehran, UTC+3:30)", () => {
    inZone("Asia/Tehran");
    expect(toFilter(orders, { issuedFrom: "2026-12-01", issuedTo: "2026-12-31" })).toEqual({
      issuedFrom: "2026-11-30T20:30:00.000Z",
      issuedTo: "2026-12-31T20:30:00.000Z",
    });
  });

  it("completes a zoneless date-time (the value the API answered 400 to) and drops what is no date", () => {
    inZone("Europe/Sofia");
    expect(toFilter(orders, { issuedFrom: "2026-12-01T00:00", issuedTo: "not a date" })).toEqual({
      issuedFrom: "2026-11-30T22:00:00.000Z",
    });
    expect(toInstant("2026-12-01T10:00:00.000Z", false)).toBe("2026-12-01T10:00:00.000Z");
  });

  it("knows every upper bound among the real schema's date-time filters", () => {
    const names = RESOURCE_META.resources.flatMap((r) =>
      r.filters.filter((f) => f.kind === "datetime").map((f) => `${r.filterType}.${f.name}`),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const field = name.split(".")[1]!;
      // each is either the start or the end of a range, by its name
      expect(isUpperBound(field) || /(^from|From|After|Since)$/.test(field), name).toBe(true);
    }
    expect(isUpperBound("issuedTo") && isUpperBound("scheduledTo") && isUpperBound("to")).toBe(true);
    expect(isUpperBound("issuedFrom") || isUpperBound("from")).toBe(false);
  });
});
