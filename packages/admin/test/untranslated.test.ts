// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { denylistFor, untranslated } from "./browser/untranslated";

describe("the browser language test's detector (test/browser/untranslated.ts)", () => {
  it("finds raw keys, English the language has words for, and raw codes", async () => {
    const deny = await denylistFor("zh");
    const page = "工单\nresources.orders.fields.patient\nRows per page:\nExamined at\t2026年11月\nLOWER_LIMB\nSTAFF";
    const found = untranslated(page, deny);
    expect(found).toContain("raw key resources.orders.fields.patient");
    expect(found).toContain('English "Rows per page"');
    expect(found).toContain('English "Examined at"');
    expect(found).toContain("code LOWER_LIMB");
    expect(found).toContain("code STAFF");
  });

  it("lets data through: names, numbers, currencies, and Spanish words spelled like English", async () => {
    const zh = await denylistFor("zh");
    expect(untranslated("Laboratorio Clínico Puerto · ORD-2026-000063 · CLP 55,000 · IBAN", zh)).toEqual([]);
    const es = await denylistFor("es");
    expect(untranslated("Hospital · Global", es)).toEqual([]);
  });
});
