import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";

/** A small schema shaped like the real API where it differs from test/fixture.graphql. */
const SDL = /* GraphQL */ `
  scalar DateTime
  enum OrganizationKind {
    CLINIC
    HOSPITAL
  }
  type Organization {
    id: ID!
    name: String!
    kind: OrganizationKind!
  }
  type OrganizationConnection {
    nodes: [Organization!]!
    totalCount: Int!
  }
  type Split {
    currency: String!
    insurer: String!
    patient: String!
  }
  enum ClaimStatus {
    DRAFT
    APPROVED
  }
  enum ClaimEvent {
    APPROVE
    REJECT
    """
    Sets the lines; use setClaimLines.
    """
    SET_LINES
    """
    Marks it paid; use recordRemittance.
    """
    PAY
  }
  type Claim {
    id: ID!
    number: String!
    status: ClaimStatus!
    currency: String!
    gross: String!
    coverageRate: String!
    provider: Organization
    providerId: ID
    outstanding: Split!
    availableTransitions: [ClaimEvent!]!
    version: Int!
    externalRef: ID
  }
  type ClaimConnection {
    nodes: [Claim!]!
    totalCount: Int!
  }
  input ClaimFilter {
    hospitalId: ID
    externalRef: ID
  }
  type RejectionReason {
    code: String!
    labelEn: String!
    labelEs: String!
  }
  input TransitionClaimInput {
    id: ID!
    event: ClaimEvent!
    expectedVersion: Int!
    reasonCode: String
  }
  type UserError {
    code: String!
    field: [String!]
    message: String!
  }
  type ClaimPayload {
    claim: Claim
    userErrors: [UserError!]!
  }
  type Query {
    organizations: OrganizationConnection!
    claims(filter: ClaimFilter, first: Int, offset: Int): ClaimConnection!
    """
    The configured rejection reasons (REJECT's reasonCode).
    """
    rejectionReasons: [RejectionReason!]!
  }
  type Mutation {
    transitionClaim(input: TransitionClaimInput!): ClaimPayload!
    setClaimLines(input: TransitionClaimInput!): ClaimPayload!
  }
`;

const claims = () => {
  const found = describeSchema(buildSchema(SDL)).resources.find((r) => r.name === "claims");
  if (!found) throw new Error("no claims resource");
  return found;
};

describe("generator conventions of the real schema", () => {
  it("reads String amounts beside a currency field as money, but not rates", () => {
    const fields = claims().fields;
    expect(fields.find((f) => f.name === "gross")).toMatchObject({ kind: "money", currency: "currency" });
    expect(fields.find((f) => f.name === "coverageRate")).toMatchObject({ kind: "string" });
    const split = fields.find((f) => f.name === "outstanding");
    expect(split?.fields?.map((f) => [f.name, f.kind])).toEqual([
      ["currency", "string"],
      ["insurer", "money"],
      ["patient", "money"],
    ]);
  });

  it("keeps the enum's type name so values can be translated", () => {
    expect(claims().fields.find((f) => f.name === "status")).toMatchObject({ enumType: "ClaimStatus" });
  });

  it("leads the list with representation and status and drops fooId beside foo", () => {
    const columns = claims().listColumns;
    expect(columns.slice(0, 2)).toEqual(["number", "status"]);
    expect(columns).toContain("provider");
    expect(columns).not.toContain("providerId");
    expect(columns).toContain("gross");
    expect(columns).not.toContain("currency");
  });

  it("resolves hospitalId through OrganizationKind and keeps an unknown ID filter plain", () => {
    const filters = claims().filters;
    expect(filters.find((f) => f.name === "hospitalId")).toMatchObject({
      kind: "reference",
      reference: "organizations",
    });
    expect(filters.find((f) => f.name === "externalRef")).toMatchObject({ kind: "id" });
  });

  it("takes free-text reason codes from the query whose description names the event", () => {
    expect(claims().transition?.reasonCodeSource).toEqual({
      query: "rejectionReasons",
      events: ["REJECT"],
      labels: ["labelEn", "labelEs"],
    });
  });

  it("names the events whose own mutation carries their data, when that mutation exists", () => {
    // PAY names a mutation the schema lacks: it stays an ordinary event
    expect(claims().transition?.domainEvents).toEqual({ SET_LINES: "setClaimLines" });
  });
});
