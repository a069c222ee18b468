// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { createLocaleState } from "../src/i18n/i18nProvider";
import { auditActionText, auditChangeLines } from "../src/sentences/audit";
import { historySentence } from "../src/sentences/history";
import { liabilitySentence } from "../src/sentences/liability";
import { hasValue } from "../src/views/ShowSections";
import { recordRepresentation } from "../src/resources/registry";
import { RESOURCE_META } from "../src/resources/registry";

async function translatorFor(locale: string) {
  const state = createLocaleState();
  await state.i18nProvider.changeLocale(locale);
  return (key: string, options?: Record<string, unknown>) => state.i18nProvider.translate(key, options);
}

const submitted = {
  event: "SUBMIT_FOR_REVIEW",
  actorKind: "PARTNER",
  actorName: "Laboratorio Clínico Puerto",
  createdAt: "2026-11-26T14:00:00Z",
};

describe("status history as sentences", () => {
  it("names what was done, by whom and when, in English", async () => {
    const t = await translatorFor("en");
    const sentence = historySentence(submitted, t, "en");
    expect(sentence).toMatch(/^Submitted for review by Laboratorio Clínico Puerto, 26 Nov 2026/);
    expect(sentence).not.toMatch(/SUBMIT_FOR_REVIEW|PARTNER/);
  });

  it("says it in Spanish and Chinese too", async () => {
    expect(historySentence(submitted, await translatorFor("es"), "es")).toMatch(
      /^Enviada a revisión por Laboratorio Clínico Puerto, 26 nov 2026/,
    );
    expect(historySentence(submitted, await translatorFor("zh"), "zh")).toMatch(
      /^Laboratorio Clínico Puerto于.*提交审核$/,
    );
  });

  it("the system acts automatically; an actor the reader may not know stays unnamed", async () => {
    const t = await translatorFor("en");
    expect(historySentence({ ...submitted, event: "EXPIRE", actorKind: "SYSTEM", actorName: null }, t, "en")).toMatch(
      /^Expired automatically, /,
    );
    expect(historySentence({ ...submitted, event: "ISSUE", actorKind: "STAFF", actorName: null }, t, "en")).toMatch(
      /^Issued, 26 Nov 2026/,
    );
  });
});

describe("claim liability as a sentence", () => {
  it("reads name, coverage and limit with its currency, never the raw row", async () => {
    const t = await translatorFor("en");
    const text = liabilitySentence(
      { name: "Dental", code: "DENT", coverageRate: "0.7000", perClaimLimit: "800000.00" },
      "CLP",
      t,
      "en",
    );
    expect(text).toMatch(/^Dental — 70% covered, limit CLP\s800,000$/);
    expect(text).not.toMatch(/0\.7000|800000\.00|DENT/);
  });

  it("adds an annual limit and words it in Spanish", async () => {
    const text = liabilitySentence(
      { name: "Dental", coverageRate: "0.7", perClaimLimit: "800000", annualLimit: "2000000" },
      "CLP",
      await translatorFor("es"),
      "es",
    );
    expect(text).toMatch(/^Dental — 70\s%\scubierto, tope 800\.000\sCLP, 2\.000\.000\sCLP al año$/);
  });
});

describe("the audit log in words", () => {
  it("a transition reads as the entity and the event's past tense; other actions by their verb", async () => {
    const t = await translatorFor("en");
    expect(auditActionText("order.transition.APPROVE", "Order", t)).toBe("Order: Approved");
    expect(auditActionText("patient.update", "Patient", t)).toBe("Patient: updated");
    expect(auditActionText("claim.setLines", "Claim", t)).toBe("Claim: lines set");
    // an action no language has yet still reads as words
    expect(auditActionText("claim.somethingNew", "Claim", t)).toBe("Claim: something new");
  });

  it("names kinds without a screen and every verb the API writes, in each language", async () => {
    const zh = await translatorFor("zh");
    expect(auditActionText("document.download", "Document", zh)).not.toMatch(/[A-Za-z]/);
    expect(auditActionText("file.download", "StoredFile", zh)).not.toMatch(/[A-Za-z]/);
    const en = await translatorFor("en");
    // the verbs of packages/api's recordAudit calls, beyond the transitions
    for (const action of [
      "document.attach",
      "document.remove",
      "document.replace",
      "order.reports.acknowledge",
      "patient.lookup.nationalId",
      "session.chooseBranch",
      "apiKey.revoke",
      "user.deactivate",
      "webhookEndpoint.delete",
      "webhookEndpoint.rotateSecret",
      "webhookDelivery.redeliver",
      "user.addVisitorHospital",
    ])
      for (const locale of ["en", "es", "zh", "fa", "bg"]) {
        const t = await translatorFor(locale);
        const verb = action.split(".").slice(1).join(".");
        expect(t(`clinigraph.audit.actions.${verb}`, { _: "MISSING" }), `${locale} ${action}`).not.toBe("MISSING");
      }
    expect(auditActionText("file.download", "StoredFile", en)).toBe("Uploaded file: downloaded");
  });

  it("changes read before → after for a status, and as values otherwise", () => {
    expect(auditChangeLines({ status: { from: "IN_REVIEW", to: "APPROVED" }, reasonCode: "OK" })).toEqual([
      { field: "status", before: "IN_REVIEW", after: "APPROVED" },
      { field: "reasonCode", before: null, after: "OK" },
    ]);
    expect(auditChangeLines({ fields: ["email", "phone"] })).toEqual([
      { field: "fields", before: null, after: "email, phone", names: ["email", "phone"] },
    ]);
    expect(auditChangeLines(null)).toEqual([]);
  });
});

describe("show pages and references read like a product", () => {
  const meta = (name: string) => RESOURCE_META.resources.find((r) => r.name === name)!;

  it("a patient reference reads as the name with the customer number beside it", () => {
    const represent = recordRepresentation(meta("patients"));
    expect(typeof represent).toBe("function");
    expect(
      (represent as (r: object) => string)({
        id: "p1",
        firstName: "María",
        lastName: "González",
        customerNumber: "12345678",
      }),
    ).toBe("María González · 12345678");
  });

  it("an empty field, an empty list or an all-empty value object has nothing to show", () => {
    const orders = meta("orders");
    expect(hasValue({ id: "1", notes: "" }, orders, "notes")).toBe(false);
    expect(hasValue({ id: "1", requestedCodes: [] }, orders, "requestedCodes")).toBe(false);
    expect(hasValue({ id: "1", rejection: { code: null, text: null } }, orders, "rejection")).toBe(false);
    expect(hasValue({ id: "1", caseId: "c1" }, orders, "case.patient")).toBe(true);
    expect(hasValue({ id: "1", caseId: null }, orders, "case")).toBe(false);
  });

  it("order, visit and claim pages hold no id, version or updatedAt in any section", () => {
    for (const name of ["orders", "visits", "claims", "patients", "policies", "organizations", "users", "cases"]) {
      const fields = meta(name).sections.flatMap((s) => s.fields);
      expect(fields, name).not.toContain("id");
      expect(fields, name).not.toContain("version");
      expect(fields, name).not.toContain("updatedAt");
      // a bare id field (no resource to name it by) is never shown
      const bareIds = meta(name)
        .fields.filter((f) => f.kind === "id" && !f.reference)
        .map((f) => f.name);
      expect(
        fields.filter((f) => bareIds.includes(f)),
        name,
      ).toEqual([]);
    }
  });
});
