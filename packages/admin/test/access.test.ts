import { describe, expect, it } from "vitest";
import { canCreate, screensFor, seesCollections, seesOwnVisits, seesStatistics } from "../src/layout/access";

describe("menus by role", () => {
  it("a VISITOR sees only their home and their visits: no users, API keys or queue dashboard", () => {
    expect(screensFor(["VISITOR"])).toEqual(["dashboard", "visits"]);
  });

  it("a VISITOR's home holds their visits, never the statistics the API refuses them", () => {
    expect(seesStatistics(["VISITOR"])).toBe(false);
    expect(seesOwnVisits(["VISITOR"])).toBe(true);
    expect(seesStatistics(["VISITOR", "BILLING"])).toBe(true);
    expect(seesOwnVisits(["OPERATOR"])).toBe(false);
  });

  it("a REVIEWER gets the review queues and the audit log", () => {
    expect(screensFor(["REVIEWER"])).toEqual(expect.arrayContaining(["visitReview", "claimReview", "auditEvents"]));
    expect(screensFor(["REVIEWER"])).not.toContain("users");
  });

  it("BILLING gets claims and statistics but not visit assignment", () => {
    expect(screensFor(["BILLING"])).toEqual(expect.arrayContaining(["claims", "monthlyStatistics"]));
    expect(screensFor(["BILLING"])).not.toContain("visitAssignment");
  });

  it("only the roles the API lets read them get the outbox and today's collections", () => {
    expect(screensFor(["BILLING"])).not.toContain("notifications");
    expect(screensFor(["REVIEWER"])).not.toContain("notifications");
    expect(seesCollections(["REVIEWER"])).toBe(false);
    expect(seesCollections(["VISITOR"])).toBe(false);
    expect(seesCollections(["BILLING"])).toBe(true);
    expect(seesCollections(["REVIEWER", "OPERATOR"])).toBe(true);
  });

  it("ADMIN sees everything, including users, API keys and the queue dashboard", () => {
    expect(screensFor(["ADMIN"])).toEqual(expect.arrayContaining(["users", "apiKeys", "queueDashboard"]));
  });

  it("several roles give the union, in menu order, and unknown roles give nothing", () => {
    expect(screensFor(["VISITOR", "BILLING"])).toContain("visits");
    expect(screensFor(["VISITOR", "BILLING"])).toContain("claims");
    expect(screensFor(["SOMETHING"])).toEqual([]);
    expect(screensFor(undefined)).toEqual([]);
  });

  it("only the roles the API lets create them get the operator desk's create forms", () => {
    for (const resource of ["orders", "cases", "visits", "claims"]) {
      expect(canCreate(["OPERATOR"], resource)).toBe(true);
      expect(canCreate(["ADMIN"], resource)).toBe(true);
      expect(canCreate(["BILLING"], resource)).toBe(false);
      expect(canCreate(["REVIEWER"], resource)).toBe(false);
    }
    expect(canCreate(["BILLING", "OPERATOR"], "claims")).toBe(true);
  });
});
