import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { languageGaps, queuedTemplateNames, renderingProblems, type NoticeUnderTest } from "@clinigraph/api/testing";
import { ENDPOINT_DISABLED, ENDPOINT_DISABLED_TEMPLATE } from "../webhooks/endpoint-disabled-notice.js";
import { APPOINTMENT_REMINDER, APPOINTMENT_REMINDER_TEMPLATE, renderAppointmentReminder } from "./templates.js";

const notice = <V>(n: NoticeUnderTest<V>) => n as unknown as NoticeUnderTest<unknown>;

/** Every template the workers queue themselves (the API's are tested in the API). */
const NOTICES = [
  notice({
    template: APPOINTMENT_REMINDER_TEMPLATE,
    texts: APPOINTMENT_REMINDER,
    vars: () => ({ firstName: "Ivana", when: "2026-05-11 08:15", place: "DENT-Sofia-3" }),
  }),
  notice({
    template: ENDPOINT_DISABLED_TEMPLATE,
    texts: ENDPOINT_DISABLED,
    vars: () => ({
      url: "https://lis.lab-a.example/hooks/clinigraph",
      endpointId: "0198c2a4-5be1-7e61-9d3f-1a2b3c4d5e6f",
    }),
  }),
];

const CASES = NOTICES.map((n) => [n.template, n] as const);

describe("worker notice templates", () => {
  it.each(CASES)("%s has a text for every supported language and no other", (_, { texts }) => {
    expect(languageGaps(texts)).toEqual({ missing: [], unknown: [] });
  });

  it.each(CASES)("%s renders in every language with every variable filled", (_, notice) => {
    expect(renderingProblems(notice)).toEqual([]);
  });

  it("covers every template the workers queue in the outbox", () => {
    const { names, unreadable } = queuedTemplateNames(fileURLToPath(new URL("..", import.meta.url)));
    expect(unreadable).toEqual([]);
    expect(names).toContain(APPOINTMENT_REMINDER_TEMPLATE);
    expect(names.filter((n) => !NOTICES.some((t) => t.template === n))).toEqual([]);
  });

  it("writes the reminder in Spanish for a language it does not know", () => {
    const vars = { firstName: "Ana", when: "11/05/2026 08:15", place: "Clínica Puerto" };
    expect(renderAppointmentReminder("de", vars)).toBe(APPOINTMENT_REMINDER.es(vars));
    expect(renderAppointmentReminder("fa", vars)).toBe(APPOINTMENT_REMINDER.fa(vars));
  });
});
