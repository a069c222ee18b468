import { describe, expect, it } from "vitest";
import { defaultWeekendDays } from "./weekend.js";
import type { WorkCalendar } from "./work-calendar.types.js";
import { WorkCalendarError } from "./work-calendar.types.js";
import { addWorkingDays, isWorkingDay, validateWorkCalendar } from "./working-days.js";

const iran: WorkCalendar = { country: "IR", weekendDays: [5], closures: [], timeZone: "Asia/Tehran" };
const chile: WorkCalendar = { country: "CL", weekendDays: [6, 0], closures: [], timeZone: "America/Santiago" };
const bulgaria: WorkCalendar = { country: "BG", weekendDays: [6, 0], closures: [], timeZone: "Europe/Sofia" };
const china: WorkCalendar = { country: "CN", weekendDays: [6, 0], closures: [], timeZone: "Asia/Shanghai" };

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkCalendarError) return error.code;
    throw error;
  }
  return undefined;
}

describe("defaultWeekendDays", () => {
  it.each([
    ["IR", [5]],
    ["CL", [6, 0]],
    ["BG", [6, 0]],
    ["ES", [6, 0]],
    ["CN", [6, 0]],
    ["SA", [5, 6]],
  ])("gives %s the weekend %j", (country, weekend) => {
    expect(defaultWeekendDays(country)).toEqual(weekend);
  });
});

describe("addWorkingDays — Iran across Nowruz", () => {
  // date-holidays 3.37 lists for IR 2026: 20 Mar (Eid al-Fitr, oil nationalisation — also a Friday),
  // 21 Mar (Nowruz + 2nd day of Eid), 22–24 Mar (Nowruz), 1 Apr (Islamic Republic Day), 2 Apr (Sizdah Bedar).
  it("skips Fridays and the Nowruz and Sizdah Bedar holidays", () => {
    // Registered Tue 17 Mar. Counted: 18, 19, 25, 26, 28, 29, 30, 31 Mar, 4, 5, 6, 7, 8, 9, 11 Apr.
    const due = addWorkingDays("2026-03-17", 15, iran);
    expect(due.toISOString()).toBe("2026-04-11T20:29:59.999Z"); // 23:59:59.999 in Tehran (+03:30, no DST since 2022)
  });

  it("treats Nowruz days as holidays and Saturdays as working days", () => {
    for (const day of ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2027-03-21", "2027-03-24"]) {
      expect(isWorkingDay(day, iran)).toBe(false);
    }
    expect(isWorkingDay("2026-03-28", iran)).toBe(true); // a Saturday
    expect(isWorkingDay("2026-03-27", iran)).toBe(false); // a Friday
    expect(isWorkingDay("2026-03-19", iran)).toBe(true); // a Thursday
  });

  it("counts from the Tehran day of an instant, not the UTC day", () => {
    // 21:00 UTC on 17 Mar is already 00:30 on 18 Mar in Tehran, so the registration day is the 18th.
    const due = addWorkingDays(new Date("2026-03-17T21:00:00Z"), 15, iran);
    expect(due.toISOString()).toBe("2026-04-12T20:29:59.999Z");
  });
});

describe("addWorkingDays — Chile across Fiestas Patrias", () => {
  it("skips 18 September (a Friday in 2026) and the weekends", () => {
    // Registered Fri 11 Sep. Counted: 14–17, 21–25, 28–30 Sep, 1, 2, 5 Oct.
    const due = addWorkingDays("2026-09-11", 15, chile);
    expect(due.toISOString()).toBe("2026-10-06T02:59:59.999Z"); // 23:59:59.999 on 5 Oct at −03:00 (Chilean summer time)
  });

  it("skips the additional Fiestas Patrias holiday of 17 September 2027", () => {
    expect(isWorkingDay("2027-09-17", chile)).toBe(false);
    // Registered Fri 10 Sep 2027. Counted: 13–16, 20–24, 27–30 Sep, 1, 4 Oct.
    expect(addWorkingDays("2027-09-10", 15, chile).toISOString()).toBe("2027-10-05T02:59:59.999Z");
  });

  it("works on Chile's bank holiday of 31 December", () => {
    expect(isWorkingDay("2026-12-31", chile)).toBe(true);
  });
});

describe("addWorkingDays — Bulgaria", () => {
  it("skips Orthodox Good Friday, Easter Monday, Labour Day and St George's Day", () => {
    // Registered Wed 8 Apr 2026. Holidays 10 Apr, 13 Apr, 1 May, 6 May. Counted: 9, 14–17, 20–24, 27–30 Apr, 4 May.
    const due = addWorkingDays("2026-04-08", 15, bulgaria);
    expect(due.toISOString()).toBe("2026-05-04T20:59:59.999Z"); // 23:59:59.999 in Sofia (+03:00)
  });

  it("moves the deadline past a manual closure", () => {
    // date-holidays does not list the Monday off for 24 May 2026 (a Sunday); the organisation records it.
    expect(isWorkingDay("2026-05-25", bulgaria)).toBe(true);
    const withClosure = { ...bulgaria, closures: ["2026-05-25"] };
    expect(isWorkingDay("2026-05-25", withClosure)).toBe(false);
    expect(addWorkingDays("2026-05-22", 1, bulgaria).toISOString()).toBe("2026-05-25T20:59:59.999Z");
    expect(addWorkingDays("2026-05-22", 1, withClosure).toISOString()).toBe("2026-05-26T20:59:59.999Z");
  });
});

describe("addWorkingDays — counting rule", () => {
  it("does not count the registration day even when it is a working day", () => {
    expect(addWorkingDays("2026-06-01", 1, bulgaria).toISOString()).toBe("2026-06-02T20:59:59.999Z");
  });

  it("starts from the next working day when registered on a weekend", () => {
    // Sat 6 Jun → Mon 8 Jun is the first working day.
    expect(addWorkingDays("2026-06-06", 1, bulgaria).toISOString()).toBe("2026-06-08T20:59:59.999Z");
  });

  it("ends on the registration day itself for zero days", () => {
    expect(addWorkingDays("2026-06-06", 0, bulgaria).toISOString()).toBe("2026-06-06T20:59:59.999Z");
  });

  it("reads a date-time without offset as local time in the calendar's zone", () => {
    expect(addWorkingDays("2026-06-01T23:30:00", 1, bulgaria).toISOString()).toBe("2026-06-02T20:59:59.999Z");
    expect(addWorkingDays("2026-06-01T23:30:00Z", 1, bulgaria).toISOString()).toBe("2026-06-03T20:59:59.999Z");
  });

  it("follows the calendar's own weekend definition", () => {
    // Thu 18 Jun 2026: a Thursday–Friday weekend skips to Saturday; Saturday–Sunday gives Friday.
    const thuFri = { ...bulgaria, weekendDays: [4, 5] };
    expect(addWorkingDays("2026-06-17", 1, thuFri).toISOString()).toBe("2026-06-20T20:59:59.999Z");
    expect(addWorkingDays("2026-06-17", 2, bulgaria).toISOString()).toBe("2026-06-19T20:59:59.999Z");
  });

  it("keeps the local end of day across a daylight-saving change", () => {
    // Sofia moves to summer time on 29 Mar 2026: Fri 27 Mar + 1 working day = Mon 30 Mar at +03:00.
    expect(addWorkingDays("2026-03-27", 1, bulgaria).toISOString()).toBe("2026-03-30T20:59:59.999Z");
    expect(addWorkingDays("2026-03-26", 1, bulgaria).toISOString()).toBe("2026-03-27T21:59:59.999Z");
  });
});

describe("isWorkingDay — China", () => {
  it("works on half-day holidays such as Youth Day but not on National Day", () => {
    expect(isWorkingDay("2026-05-04", china)).toBe(true);
    expect(isWorkingDay("2026-10-01", china)).toBe(false);
  });

  it("lets open days override weekends and holidays, and closures override open days", () => {
    const makeUpSaturday = { ...china, openDays: ["2026-02-14", "2026-10-02"] };
    expect(isWorkingDay("2026-02-14", china)).toBe(false);
    expect(isWorkingDay("2026-02-14", makeUpSaturday)).toBe(true);
    expect(isWorkingDay("2026-10-02", makeUpSaturday)).toBe(true);
    expect(isWorkingDay("2026-02-14", { ...makeUpSaturday, closures: ["2026-02-14"] })).toBe(false);
  });
});

describe("multi-day holidays", () => {
  it("closes every day of a three-day Eid in the United Arab Emirates", () => {
    // No weekend here, so only the holiday can close these days (20–22 Mar 2026 are Fri–Sun).
    const uae: WorkCalendar = { country: "AE", weekendDays: [], closures: [], timeZone: "Asia/Dubai" };
    // date-holidays 3.37: Eid al-Fitr 2026 starts 20 Mar and lasts 72 hours.
    const days = ["2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23"];
    expect(days.map((d) => isWorkingDay(d, uae))).toEqual([true, false, false, false, true]);
  });
});

describe("regional holidays", () => {
  it("applies a region's own holiday only in that region", () => {
    const spain: WorkCalendar = { country: "ES", weekendDays: [6, 0], closures: [], timeZone: "Europe/Madrid" };
    // 2 May 2027 is a Sunday; use 2 May 2029, a Wednesday: Día de la Comunidad de Madrid.
    expect(isWorkingDay("2029-05-02", spain)).toBe(true);
    expect(isWorkingDay("2029-05-02", { ...spain, region: "MD" })).toBe(false);
  });
});

describe("validation", () => {
  it.each([
    ["an unknown time zone", { ...bulgaria, timeZone: "Mars/Olympus" }, "INVALID_TIME_ZONE"],
    ["an unknown country", { ...bulgaria, country: "XX" }, "UNSUPPORTED_COUNTRY"],
    ["an unknown region", { ...chile, region: "ZZ" }, "UNSUPPORTED_REGION"],
    ["a seven-day weekend", { ...bulgaria, weekendDays: [0, 1, 2, 3, 4, 5, 6] }, "INVALID_WEEKEND"],
    ["a weekday out of range", { ...bulgaria, weekendDays: [7] }, "INVALID_WEEKEND"],
    ["a malformed closure", { ...bulgaria, closures: ["2026-02-30"] }, "INVALID_DATE"],
  ])("refuses %s", (_name, calendar, code) => {
    expect(errorCodeOf(() => validateWorkCalendar(calendar))).toBe(code);
  });

  it("refuses negative or fractional day counts and invalid start dates", () => {
    expect(errorCodeOf(() => addWorkingDays("2026-06-01", -1, bulgaria))).toBe("INVALID_DAYS");
    expect(errorCodeOf(() => addWorkingDays("2026-06-01", 1.5, bulgaria))).toBe("INVALID_DAYS");
    expect(errorCodeOf(() => addWorkingDays("2026-13-01", 1, bulgaria))).toBe("INVALID_DATE");
    expect(errorCodeOf(() => addWorkingDays(new Date(Number.NaN), 1, bulgaria))).toBe("INVALID_DATE");
  });

  it("gives up instead of looping when closures leave no working day", () => {
    const closures = Array.from({ length: 1200 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 2 + i)).toISOString().slice(0, 10),
    );
    expect(errorCodeOf(() => addWorkingDays("2026-01-01", 1, { ...bulgaria, closures }))).toBe("NO_WORKING_DAYS");
  });
});
