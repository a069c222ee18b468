import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "fhir-kit-client";
import { loginAs } from "../../test-support/entities.fixtures.js";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { fhirSchemaErrors } from "./fhir-schema.fixtures.js";
import { buildFhirWorld, type FhirWorld } from "./fhir-world.fixtures.js";

/**
 * /fhir/R4 as an integrator meets it: through fhir-kit-client, never hand-built URLs, every
 * answer valid R4; and as a foreign partner meets it: what it may not see does not exist.
 */
let w: FhirWorld;

beforeAll(async () => {
  // Compile the schema first: seconds of compiling between two requests outlive the
  // server's keep-alive, and the client's next request would meet a closed socket.
  fhirSchemaErrors({ resourceType: "Bundle", type: "searchset" });
  w = await buildFhirWorld();
});
afterAll(async () => w?.kit.api.close());

const client = (token: string) => new Client({ baseUrl: `${w.kit.api.url}/fhir/R4`, bearerToken: token });

/** The answer, checked against the R4 schema (with each entry of a bundle). */
function valid<T = Bundle>(r: unknown): T {
  for (const one of [r, ...((r as Bundle).entry ?? []).map((e) => e.resource)])
    expect(fhirSchemaErrors(one), JSON.stringify(one).slice(0, 300)).toEqual([]);
  return r as T;
}
const bundle = (r: unknown): Bundle => r as Bundle;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    return (err as { response?: { status: number } }).response?.status ?? -1;
  }
}

describe("an integrator using fhir-kit-client", () => {
  it("reads the capability statement, reads by id, searches with _include, follows next links and reads history", async () => {
    const agency = client(w.agencyKey);
    const cap = valid<{ rest: { resource: { type: string }[] }[] }>(await agency.capabilityStatement());
    expect(cap.rest[0]!.resource.map((r) => r.type)).toContain("ClaimResponse");

    const claim = valid<Resource>(await agency.read({ resourceType: "Claim", id: w.claimId }));
    expect(claim).toMatchObject({ resourceType: "Claim", id: w.claimId });

    const found = valid(
      await agency.search({
        resourceType: "Claim",
        searchParams: { patient: `Patient/${w.cov.patient.id}`, _include: "Claim:patient" },
      }),
    );
    expect(found.entry!.map((e) => e.resource!.resourceType)).toEqual(["Claim", "Patient"]);

    const operator = client(w.kit.operator);
    const seen: string[] = [];
    let page: Bundle | undefined = valid(
      await operator.search({ resourceType: "Organization", searchParams: { _count: 2, _sort: "name" } }),
    );
    while (page) {
      seen.push(...(page.entry ?? []).map((e) => e.resource!.id!));
      const next = operator.nextPage({ bundle: page as never });
      page = next ? valid(await next) : undefined;
    }
    const total = bundle(await operator.search({ resourceType: "Organization", searchParams: { _count: 0 } })).total;
    expect(seen).toHaveLength(total!);
    expect(new Set(seen).size).toBe(total);

    const history = valid<Bundle>(await operator.history({ resourceType: "Task", id: w.orderId }));
    expect(history.entry!.map((e) => (e.resource as { status: string }).status)).toEqual([
      "in-progress",
      "accepted",
      "requested",
    ]);
  });
});

describe("a foreign partner", () => {
  it("gets 404 for every resource of another partner's work and empty bundles when it searches for it", async () => {
    const other = client(w.otherAgencyKey);
    for (const [resourceType, id] of [
      ["Claim", w.claimId],
      ["ClaimResponse", w.claimId],
      ["Task", w.claimId],
      ["Task", w.orderId],
      ["ServiceRequest", w.orderId],
      ["Patient", w.cov.patient.id],
      ["Encounter", w.fieldVisitId],
      ["Appointment", w.appointmentId],
      ["DiagnosticReport", w.reportId],
      ["DocumentReference", w.documentId],
    ] as const) {
      expect(await status(other.read({ resourceType, id })), `${resourceType}/${id}`).toBe(404);
      expect(await status(other.history({ resourceType, id })), `${resourceType}/${id}/_history`).toBe(404);
    }
    for (const [resourceType, searchParams] of [
      ["Claim", { patient: w.cov.patient.id }],
      ["Claim", { identifier: w.claimNumber }],
      ["ClaimResponse", {}],
      ["Task", {}],
      ["ServiceRequest", { _include: "ServiceRequest:patient" }],
      ["Patient", {}],
      ["Coverage", {}],
      ["Encounter", {}],
      ["Appointment", {}],
      ["Practitioner", {}],
      ["DiagnosticReport", {}],
      ["DocumentReference", { related: `Claim/${w.claimId}` }],
    ] as const) {
      const found = valid(await other.search({ resourceType, searchParams }));
      expect(found.total, resourceType).toBe(0);
      expect(found.entry, resourceType).toBeUndefined();
    }
  });

  it("sees its own rows only: lab B none of lab A's orders, the insurer the claim and coverage under its policy", async () => {
    const labB = client(w.kit.labBKey);
    expect(bundle(await labB.search({ resourceType: "ServiceRequest" })).total).toBe(0);
    expect(await status(labB.read({ resourceType: "ServiceRequest", id: w.orderId }))).toBe(404);
    const labA = client(w.kit.labAKey);
    expect(bundle(await labA.search({ resourceType: "ServiceRequest" })).total).toBe(1);
    const insurer = client(w.insurerKey);
    expect(bundle(await insurer.search({ resourceType: "Claim" })).total).toBe(1);
    expect(bundle(await insurer.search({ resourceType: "Coverage" })).total).toBe(1);
  });

  it("applies the staff row rules too: a visitor sees no visit it is not assigned and no claim", async () => {
    const user = await w.kit.fx.user(["VISITOR"]);
    const visitor = client(await loginAs(w.kit.api.gql, user.email, user.password));
    expect(await status(visitor.read({ resourceType: "Encounter", id: w.fieldVisitId }))).toBe(404);
    expect(valid(await visitor.search({ resourceType: "Encounter" })).total).toBe(0);
    expect(valid(await visitor.search({ resourceType: "Claim" })).total).toBe(0);
  });
});
