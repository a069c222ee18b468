import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  languageGaps,
  queuedTemplateNames,
  renderingProblems,
  type NoticeUnderTest,
} from "../../test-support/notices.fixtures.js";
import { CLAIM_OVERDUE } from "../claim/claim.overdue.js";
import { ORDER_REJECTED } from "../order/order.notifications.js";
import { REPORT_DIGEST } from "../order/report-inbox.js";
import { REJECTION_REASONS, rejectionLabel } from "../order/rejection-reasons.js";
import { WELCOME } from "../patient/patient-welcome.js";
import { ASSIGNED, INSTRUCTIONS, RETURNED } from "../visit/visit.notifications.js";
import { CLAIM_RETURNED } from "../claim/claim.returned.js";
import { NOTICE_LANGUAGES, noticeLanguage } from "./notice-language.js";

/** A table of a fixed subject and a body to render, as one function per language. */
const subjectAndBody = <V>(table: Record<string, { subject: string; body: (v: V) => string }>) =>
  Object.fromEntries(Object.entries(table).map(([l, t]) => [l, (v: V) => ({ subject: t.subject, body: t.body(v) })]));

const assigned = {
  patient: "Li Wei",
  hospital: "HSP-4471",
  caseNumber: "CASE-2026-000123",
  visitNumber: "VIS-2026-000042",
};

/** Checks that a template's variables fit its texts, then lets it sit in one list with the others. */
const notice = <V>(n: NoticeUnderTest<V>) => n as unknown as NoticeUnderTest<unknown>;

/** Every template the API queues, with variables that show up if they go missing. */
const NOTICES = [
  notice({
    template: "order-rejected",
    texts: ORDER_REJECTED,
    vars: (language) => ({
      number: "ORD-2026-000731",
      label: rejectionLabel("MISSING_SIGNATURE", language),
      reason: "Dr. K-17 / p. 2",
    }),
  }),
  notice({
    template: "report-digest",
    texts: REPORT_DIGEST,
    vars: () => ({
      count: 23,
      lines: ["ORD-2026-000731 (FINAL-7)"],
      more: 22,
      consoleUrl: "https://console.example.test/#/orders",
    }),
  }),
  notice({
    template: "claim-overdue",
    texts: CLAIM_OVERDUE,
    vars: () => ({ number: "CLM-2026-000519", due: "2026-03-27" }),
  }),
  notice({
    template: "claim-returned",
    texts: CLAIM_RETURNED,
    vars: () => ({ number: "CLM-2026-000519", due: "2026-04-09", reasons: "DOCS: scan 3 unreadable" }),
  }),
  notice({
    template: "visit-returned",
    texts: RETURNED,
    vars: () => ({ visitNumber: "VIS-2026-000042", reason: "No discharge note" }),
  }),
  notice({
    template: "visit-assigned",
    variant: "with a time",
    texts: ASSIGNED,
    vars: () => ({ ...assigned, when: "2026-04-02 09:30" }),
  }),
  notice({
    template: "visit-assigned",
    variant: "without a time",
    texts: ASSIGNED,
    vars: () => ({ ...assigned, when: null }),
  }),
  notice({
    template: "appointment-instructions",
    texts: subjectAndBody(INSTRUCTIONS),
    vars: () => ({ patient: "Ivana Petrova", provider: "DENT-Sofia-3", when: "2026-05-11 08:15", number: "VIS-77" }),
  }),
  notice({
    template: "patient-welcome",
    texts: subjectAndBody(WELCOME),
    vars: () => "Reza Karimi",
  }),
];

const CASES = NOTICES.map((n) => [n.variant ? `${n.template} (${n.variant})` : n.template, n] as const);

describe("notice templates", () => {
  it.each(CASES)("%s has a text for every supported language and no other", (_, { texts }) => {
    expect(languageGaps(texts)).toEqual({ missing: [], unknown: [] });
  });

  it.each(CASES)("%s renders in every language with every variable filled", (_, n) => {
    expect(renderingProblems(n)).toEqual([]);
  });

  it("covers every template the API queues in the outbox", () => {
    const { names, unreadable } = queuedTemplateNames(fileURLToPath(new URL("../..", import.meta.url)));
    expect(unreadable).toEqual([]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !NOTICES.some((t) => t.template === n))).toEqual([]);
  });

  it("labels every rejection reason in every supported language, each label in its own words", () => {
    for (const [code, labels] of Object.entries(REJECTION_REASONS)) {
      expect(languageGaps(Object.fromEntries(Object.keys(labels).map((l) => [l, () => l]))), code).toEqual({
        missing: [],
        unknown: [],
      });
      const rendered = NOTICE_LANGUAGES.map((l) => rejectionLabel(code, l));
      expect(new Set(rendered).size, `${code}: ${rendered.join(" | ")}`).toBe(NOTICE_LANGUAGES.length);
      expect(rendered.every((label) => label.trim() !== "" && label !== code)).toBe(true);
    }
  });

  it("writes a rejection in the provider's language and in Spanish when it has none we write", () => {
    const vars = (language: string) => ({
      number: "ORD-1",
      label: rejectionLabel("INCOMPLETE_REPORT", language),
      reason: "",
    });
    expect(ORDER_REJECTED[noticeLanguage("zh")](vars("zh")).body).toContain("报告不完整");
    expect(ORDER_REJECTED[noticeLanguage("fa")](vars("fa")).body).toContain("گزارش ناقص");
    expect(ORDER_REJECTED[noticeLanguage("bg")](vars("bg")).body).toContain("Непълен доклад");
    expect(noticeLanguage("de")).toBe("es");
    expect(rejectionLabel("INCOMPLETE_REPORT", "de")).toBe("Informe incompleto");
    expect(rejectionLabel("NOT_A_CODE", "zh")).toBe("NOT_A_CODE");
  });
});
