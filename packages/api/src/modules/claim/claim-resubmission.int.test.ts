import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures, loginAs } from "../../test-support/entities.fixtures.js";
import { forkFor } from "../../platform/db/orm.js";
import { SYSTEM } from "../../platform/auth/principal.js";
import { Notification } from "../notification/notification.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "./claim.fixtures.js";
import { flagOverdueClaim } from "./claim.overdue.js";

/**
 * Persian workflow clause 7: a returned file goes back to the review office "under
 * clause 5", i.e. within 15 working days again, counted from the return. The clock of
 * the API is moved with vitest's Date faking (timers stay real), so each mutation runs
 * at the instant the test names; the overdue sweep takes its `now` as a parameter.
 */
const WINDOW_FIELDS = `id number version status deliveryDueAt overdue overdueFlaggedAt
  deliveryWindows { opensBy opensAt dueAt deliveredAt onTime }
  history { fromStatus toStatus event }`;
const CLAIM = `query($id: ID!) { claim(id: $id) { ${WINDOW_FIELDS} } }`;
const REGISTER = `mutation($input: RegisterClaimInput!) { registerClaim(input: $input) { claim { ${WINDOW_FIELDS} } userErrors { code message } } }`;
const TRANSITION = `mutation($input: TransitionClaimInput!) { transitionClaim(input: $input) { claim { ${WINDOW_FIELDS} } userErrors { code message } } }`;

interface Window {
  opensBy: string;
  opensAt: string;
  dueAt: string;
  deliveredAt: string | null;
  onTime: boolean | null;
}
interface ClaimView {
  id: string;
  number: string;
  version: number;
  status: string;
  deliveryDueAt: string;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  deliveryWindows: Window[];
  history: { fromStatus: string | null; toStatus: string; event: string }[];
}

let api: TestApi;
let fx: Fixtures;
let reviewer: string;
let insurer: Organization;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  insurer = await fx.organization(OrganizationKind.INSURER);
  const rev = await fx.user(["REVIEWER"]);
  reviewer = await loginAs(api.gql, rev.email, rev.password);
  await dentalFeeSchedule(fx.em);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => api?.close());

/** Every API call from here runs at `iso`. */
function at(iso: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

async function mutate(doc: string, input: Record<string, unknown>, token: string): Promise<ClaimView> {
  const res = await api.gql<Record<string, { claim: ClaimView | null; userErrors: unknown[] }>>(doc, { input }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const payload = Object.values(res.data)[0]!;
  expect(payload.userErrors).toEqual([]);
  return payload.claim!;
}

async function read(id: string, token: string): Promise<ClaimView> {
  const res = await api.gql<{ claim: ClaimView }>(CLAIM, { id }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.claim;
}

/** An Iranian agency (Tehran, Persian), optionally on its own calendar. */
async function iranianAgency(email: string, openDays?: string[]): Promise<{ org: Organization; key: string }> {
  const overrides: Record<string, unknown> = { country: "IR", timeZone: "Asia/Tehran", language: "fa", email };
  if (openDays) {
    overrides.workCalendar = fx.em.create(WorkCalendar, {
      name: "ایران — کارگزاری",
      country: "IR",
      weekendDays: [5],
      closures: [],
      openDays,
      timeZone: "Asia/Tehran",
    });
  }
  const org = await fx.organization(OrganizationKind.AGENCY, overrides as never);
  return { org, key: (await fx.apiKey(org)).secret };
}

/** Registers a DRAFT claim on Tuesday 10 February 2026. */
async function registerDraft(agency: { org: Organization; key: string }): Promise<ClaimView> {
  const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: agency.org, incidentDate: "2026-02-01" });
  at("2026-02-10T06:30:00Z"); // Tuesday 10 Feb, 10:00 in Tehran
  return mutate(
    REGISTER,
    {
      caseId: cov.kase.id,
      policyId: cov.policy.id,
      liabilityId: cov.liability.id,
      lines: [{ system: "CDT", code: "D1110", quantity: 1 }],
    },
    agency.key,
  );
}

const RETURN_AT = "2026-03-17T06:30:00Z"; // Tuesday 17 March 2026, 10:00 in Tehran

describe("resubmission deadline after a RETURN", () => {
  it("gives 15 fresh working days across Nowruz and a Friday, counts a declared working Friday, and re-raises overdue only after the new deadline", async () => {
    // Agency A declares Friday 27 March 2026 a working day; agency B keeps Iran's defaults.
    const a = await iranianAgency("daftar-a@agency.test", ["2026-03-27"]);
    const b = await iranianAgency("daftar-b@agency.test");
    let claimA = await registerDraft(a);
    let claimB = await registerDraft(b);
    const firstDueA = claimA.deliveryDueAt;
    expect(claimA.deliveryWindows).toEqual([
      { opensBy: "REGISTER", opensAt: "2026-02-10T06:30:00.000Z", dueAt: firstDueA, deliveredAt: null, onTime: null },
    ]);

    // The first window passes with the claim still DRAFT: the sweep flags it once.
    const em = forkFor(api.orm, SYSTEM);
    const afterFirstDue = new Date(new Date(firstDueA).getTime() + 3_600_000);
    expect(await flagOverdueClaim(em, claimA.id, afterFirstDue)).toBe(true);

    // Delivered late on 15 March, taken into review.
    at("2026-03-15T06:30:00Z");
    for (const [c, key] of [
      [claimA, a.key],
      [claimB, b.key],
    ] as const) {
      const submitted = await mutate(TRANSITION, { id: c.id, event: "SUBMIT", expectedVersion: c.version }, key);
      await mutate(TRANSITION, { id: c.id, event: "START_REVIEW", expectedVersion: submitted.version }, reviewer);
    }
    claimA = await read(claimA.id, reviewer);
    claimB = await read(claimB.id, reviewer);
    expect(claimA.overdueFlaggedAt).not.toBeNull();

    at(RETURN_AT);
    const reasons = [{ code: "DOCS", text: "رسید پرداخت ناخوانا است" }];
    claimA = await mutate(
      TRANSITION,
      { id: claimA.id, event: "RETURN", returnReasons: reasons, expectedVersion: claimA.version },
      reviewer,
    );
    claimB = await mutate(
      TRANSITION,
      { id: claimB.id, event: "RETURN", returnReasons: reasons, expectedVersion: claimB.version },
      reviewer,
    );

    // Working days after Tue 17 Mar in Tehran (date-holidays 3.37 for IR 2026: 20 Mar, Nowruz 21–24 Mar,
    // 1 Apr Islamic Republic Day, 2 Apr Sizdah Bedar; Fridays 20, 27 Mar and 3, 10 Apr are the weekend):
    //   B: 18, 19, 25, 26, 28, 29, 30, 31 Mar, 4, 5, 6, 7, 8, 9, 11 Apr → end of Sat 11 Apr.
    //   A: 18, 19, 25, 26, 27 (declared working Friday), 28, 29, 30, 31 Mar, 4, 5, 6, 7, 8, 9 Apr → end of Thu 9 Apr.
    // The end of a Tehran day (+03:30) is 20:29:59.999 UTC.
    expect(claimB.deliveryDueAt).toBe("2026-04-11T20:29:59.999Z");
    expect(claimA.deliveryDueAt).toBe("2026-04-09T20:29:59.999Z");

    // The flag of the old window is gone; the history shows both windows.
    expect(claimA).toMatchObject({ status: "RETURNED", overdue: false, overdueFlaggedAt: null });
    expect(claimA.deliveryWindows).toEqual([
      {
        opensBy: "REGISTER",
        opensAt: "2026-02-10T06:30:00.000Z",
        dueAt: firstDueA,
        deliveredAt: "2026-03-15T06:30:00.000Z",
        onTime: false,
      },
      {
        opensBy: "RETURN",
        opensAt: RETURN_AT.replace("Z", ".000Z"),
        dueAt: claimA.deliveryDueAt,
        deliveredAt: null,
        onTime: null,
      },
    ]);
    expect(claimA.history.map((h) => h.event)).toEqual(["REGISTER", "SUBMIT", "START_REVIEW", "RETURN"]);

    // The agency is told in Persian, with the new date and the reviewer's reason.
    const returned = await em.find(Notification, { template: "claim-returned", relatedId: claimA.id });
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ channel: "EMAIL", recipient: "daftar-a@agency.test", language: "fa" });
    expect(returned[0]!.subject).toContain(claimA.number);
    expect(returned[0]!.body).toContain("2026-04-09");
    expect(returned[0]!.body).toContain("رسید پرداخت ناخوانا است");
    expect(returned[0]!.body).toContain("۱۵ روز کاری");

    // Only the new deadline raises the flag again, with a notice of its own.
    expect(await flagOverdueClaim(em, claimA.id, new Date("2026-04-09T20:00:00Z"))).toBe(false);
    expect(await flagOverdueClaim(em, claimB.id, new Date("2026-04-10T12:00:00Z"))).toBe(false);
    expect(await flagOverdueClaim(em, claimA.id, new Date("2026-04-09T21:00:00Z"))).toBe(true);
    at("2026-04-10T06:30:00Z");
    expect(await read(claimA.id, reviewer)).toMatchObject({
      overdue: true,
      overdueFlaggedAt: "2026-04-09T21:00:00.000Z",
    });
    expect(await read(claimB.id, reviewer)).toMatchObject({ overdue: false, overdueFlaggedAt: null });
    const overdueNotices = await em.find(
      Notification,
      { template: "claim-overdue", relatedId: claimA.id },
      { orderBy: { createdAt: "ASC" } },
    );
    expect(overdueNotices).toHaveLength(2);
    expect(overdueNotices.map((n) => n.language)).toEqual(["fa", "fa"]);
  });
});
