import { describe, expect, it } from "vitest";
import { defineMachine, nonTerminal } from "./machine.js";
import { availableEvents, selectRule } from "./engine.js";
import type { Principal } from "../auth/principal.js";
import { DomainError } from "../errors/domain-error.js";
import type { ErrorCode } from "../errors/error-codes.js";

// A guard code of this test machine only; real guards use a module's declared enum.
const TOO_LATE = "TOO_LATE" as ErrorCode;

interface Doc {
  id: string;
  version: number;
  status: "DRAFT" | "SENT" | "DONE" | "VOID";
  ownerOrg: string;
  dueAt: Date;
}

const STATUSES = ["DRAFT", "SENT", "DONE", "VOID"] as const;
const machine = defineMachine<Doc, Doc["status"], "SEND" | "FINISH" | "VOID" | "EXPIRE">({
  // A real entity type (the history's type is a closed enum); the states below are this test's own.
  entityType: "Document",
  creationEvent: "CREATE",
  statuses: STATUSES,
  events: ["SEND", "FINISH", "VOID", "EXPIRE"],
  initial: "DRAFT",
  terminal: ["DONE", "VOID"],
  relations: { owner: (d) => d.ownerOrg },
  getStatus: (d) => d.status,
  setStatus: (d, s) => {
    d.status = s;
  },
  transitions: [
    {
      from: ["DRAFT"],
      event: "SEND",
      to: "SENT",
      who: [{ partner: "owner" }, { role: "OPERATOR" }],
      guards: [{ code: TOO_LATE, message: "past due", sync: true, check: ({ entity, now }) => now < entity.dueAt }],
    },
    { from: ["SENT"], event: "FINISH", to: "DONE", who: [{ role: "REVIEWER" }] },
    {
      from: nonTerminal(STATUSES, ["DONE", "VOID"]),
      event: "VOID",
      to: "VOID",
      who: [{ role: "OPERATOR" }],
      requires: { reason: true },
    },
    { from: ["DRAFT", "SENT"], event: "EXPIRE", to: "VOID", who: [{ system: true }] },
  ],
});

const doc = (over: Partial<Doc> = {}): Doc => ({
  id: "d1",
  version: 1,
  status: "DRAFT",
  ownerOrg: "org-a",
  dueAt: new Date("2030-01-01"),
  ...over,
});
const partner = (org: string): Principal => ({
  kind: "PARTNER",
  organizationId: org,
  organizationKind: "LAB",
  apiKeyId: "k",
  scopes: [],
});
const staff = (...roles: ("OPERATOR" | "REVIEWER" | "ADMIN")[]): Principal => ({
  kind: "STAFF",
  userId: "u",
  organizationId: "op",
  roles,
  email: "x@y",
});

describe("state machine engine", () => {
  it("lists only the events the principal may fire from the current state", () => {
    expect(availableEvents(machine, doc(), partner("org-a"))).toEqual(["SEND"]);
    expect(availableEvents(machine, doc(), staff("OPERATOR"))).toEqual(["SEND", "VOID"]);
    expect(availableEvents(machine, doc({ status: "SENT" }), staff("REVIEWER"))).toEqual(["FINISH"]);
    expect(availableEvents(machine, doc({ status: "DONE" }), staff("ADMIN"))).toEqual([]);
  });

  it("never offers a partner another organisation's transitions", () => {
    expect(availableEvents(machine, doc(), partner("org-b"))).toEqual([]);
  });

  it("hides events whose synchronous guard fails (a deadline that passed)", () => {
    const late = doc({ dueAt: new Date("2020-01-01") });
    expect(availableEvents(machine, late, partner("org-a"))).toEqual([]);
  });

  it("offers system-only events to the system and to nobody else, not even ADMIN", () => {
    expect(availableEvents(machine, doc(), { kind: "SYSTEM" })).toContain("EXPIRE");
    expect(availableEvents(machine, doc(), staff("ADMIN"))).not.toContain("EXPIRE");
  });

  it("refuses an event impossible from the current state with INVALID_TRANSITION", () => {
    expect(() => selectRule(machine, doc(), "FINISH", staff("REVIEWER"), {})).toThrowError(
      expect.objectContaining({ code: "INVALID_TRANSITION" }),
    );
  });

  it("refuses a principal outside `who` with TRANSITION_NOT_PERMITTED", () => {
    expect(() => selectRule(machine, doc(), "SEND", partner("org-b"), {})).toThrowError(
      expect.objectContaining({ code: "TRANSITION_NOT_PERMITTED" }),
    );
    expect(() => selectRule(machine, doc(), "EXPIRE", staff("ADMIN"), {})).toThrowError(DomainError);
  });

  it("checks permission before state: a principal outside every rule of the event gets TRANSITION_NOT_PERMITTED whatever the status", () => {
    // The reviewer may FINISH only from SENT; a partner may never FINISH, so DRAFT and SENT answer alike.
    for (const status of ["DRAFT", "SENT"] as const)
      expect(() => selectRule(machine, doc({ status }), "FINISH", partner("org-a"), {})).toThrowError(
        expect.objectContaining({ code: "TRANSITION_NOT_PERMITTED" }),
      );
  });

  it("requires a reason where the table says so", () => {
    expect(() => selectRule(machine, doc(), "VOID", staff("OPERATOR"), { reason: "  " })).toThrowError(
      expect.objectContaining({ code: "REASON_REQUIRED", field: ["reason"] }),
    );
    expect(selectRule(machine, doc(), "VOID", staff("OPERATOR"), { reason: "duplicate" }).to).toBe("VOID");
  });

  it("rejects a table that names an unknown state", () => {
    expect(() =>
      defineMachine({ ...machine, transitions: [{ from: ["NOPE" as never], event: "SEND", to: "SENT", who: [] }] }),
    ).toThrow(/unknown state NOPE/);
  });
});
