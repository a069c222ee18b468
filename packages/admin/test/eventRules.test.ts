import { describe, expect, it } from "vitest";
import type { TransitionMeta } from "../src/resources/types";
import { eventNeeds, needsDialog } from "../src/transitions/eventRules";

const transition = (mutation: string, patch: Partial<TransitionMeta> = {}): TransitionMeta => ({
  mutation,
  inputType: "X",
  payloadField: "x",
  events: [],
  accepts: { reason: true, reasonCode: true, reference: true, scheduledAt: false },
  reasonCodes: [],
  reasonCodeSource: null,
  ...patch,
});

describe("what a transition's dialog asks for", () => {
  it("SETTLE asks for a reference and offers an optional reason (needed before the insurer paid in full)", () => {
    const needs = eventNeeds("SETTLE", transition("transitionClaim"));
    expect(needs).toMatchObject({ reference: true, reason: false, optionalReason: true });
    expect(needsDialog(needs)).toBe(true);
  });

  it("a claim's RETURN asks for a typed reason code beside the reason; a visit's only the reason", () => {
    expect(eventNeeds("RETURN", transition("transitionClaim"))).toMatchObject({
      reason: true,
      freeReasonCode: true,
      reasonCode: false,
    });
    expect(eventNeeds("RETURN", transition("transitionVisit"))).toMatchObject({
      reason: true,
      freeReasonCode: false,
      reasonCode: false,
    });
  });

  it("APPROVE needs no dialog", () => {
    expect(needsDialog(eventNeeds("APPROVE", transition("transitionClaim")))).toBe(false);
  });
});
