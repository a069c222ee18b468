import { describe, expect, it } from "vitest";
import { returnReasonsText } from "./return-reasons.js";

describe("a claim's return reasons in a notice", () => {
  it("reads each known code in the notice's language, the reviewer's note after it without a doubled full stop", () => {
    expect(returnReasonsText([{ code: "MISSING_INVOICE", text: "Attach the itemised invoice." }], "es")).toBe(
      "Falta la factura (Attach the itemised invoice)",
    );
    expect(
      returnReasonsText(
        [
          { code: "MISSING_INVOICE", text: null },
          { code: "WRONG_AMOUNT", text: "发票金额为 1200。" },
        ],
        "zh",
      ),
    ).toBe("缺少发票; 金额与发票不符 (发票金额为 1200)");
  });

  it("keeps a code of the partner's own system as it came, with its note", () => {
    expect(returnReasonsText([{ code: "X-17", text: "scan 3 unreadable" }], "en")).toBe("X-17: scan 3 unreadable");
    expect(returnReasonsText([{ code: "X-17" }], "bg")).toBe("X-17");
  });
});
