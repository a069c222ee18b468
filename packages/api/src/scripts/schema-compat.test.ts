import { describe, expect, it } from "vitest";
import { unrecordedBreakingChanges } from "./schema-compat.js";

const V1 = `"""An order."""
type Order { """Id.""" id: ID! """Amount.""" amount: String! }
"""Root."""
type Query { """One.""" order(id: ID!): Order }`;

const changelog = (breaking: string) => `# Changelog

## Unreleased

### Added
- \`Order.amount\` mentioned here does not count.

### Breaking
${breaking}

## 0.1.0

### Breaking
- \`Order.amount\` removed long ago (not this release).
`;

describe("schema compatibility gate", () => {
  it("passes additions and deprecations", async () => {
    const v2 = V1.replace(
      "amount: String!",
      'amount: String! @deprecated(reason: "Use total.") """Total.""" total: String',
    );
    expect(await unrecordedBreakingChanges(V1, v2, changelog(""))).toEqual([]);
  });

  it("fails a removed field that the Unreleased Breaking section does not name", async () => {
    const v2 = V1.replace('"""Amount.""" amount: String!', "");
    const missing = await unrecordedBreakingChanges(V1, v2, changelog("- nothing yet"));
    expect(missing.map((c) => c.path)).toEqual(["Order.amount"]);
  });

  it("passes a removed field recorded under Unreleased / Breaking", async () => {
    const v2 = V1.replace('"""Amount.""" amount: String!', "");
    expect(await unrecordedBreakingChanges(V1, v2, changelog("- `Order.amount` removed; use `Order.total`."))).toEqual(
      [],
    );
  });

  it("fails a field whose type changed incompatibly", async () => {
    const v2 = V1.replace("amount: String!", "amount: Int!");
    expect((await unrecordedBreakingChanges(V1, v2, changelog(""))).map((c) => c.path)).toEqual(["Order.amount"]);
  });
});
