import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "fhir-kit-client";
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

function valid<T>(r: T): T {
  const bundle = r as Bundle;
  for (const one of [r, ...(bundle.entry ?? []).map((e) => e.resource)])
    expect(fhirSchemaErrors(one), JSON.stringify(one).slice(0, 300)).toEqual([]);
  return r;
}

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
    const cap = valid(await agency.capabilityStatement()) as { rest: { resource: { type: string }[] }[] };
    expect(cap.rest[0]!.resource.map((r) => r.type)).toContain("ClaimResponse");

    const claim = valid(await agency.read({ resourceType: "Claim", id: w.claimId })) as Resource;
    expect(claim).toMatchObject({ resourceType: "Claim", id: w.claimId });

    const found = valid(
      await agency.search({
        resourceType: "Claim",
        searchParams: { patient: `Patient/${w.cov.patient.id}`, _include: "Claim:patient" },
      }),
    ) as Bundle;
    expect(found.entry!.map((e) => e.resource!.resourceType)).toEqual(["Claim", "Patient"]);

    const operator = client(w.kit.operator);
    const seen: string[] = [];
    let page = valid(
      await operator.search({ resourceType: "Organization", searchParams: { _count: 2, _sort: "name" } }),
    ) as Bundle | undefined;
    while (page) {
      seen.push(...(page.entry ?? []).map((e) => e.resource!.id!));
      const next = operator.nextPage({ bundle: page as never });
      page = next ? (valid(await next) as Bundle) : undefined;
    }
    const total = ((await operator.search({ resourceType: "Organization", searchParams: { _count: 0 } })) as Bundle)
      .total;
    expect(seen).toHaveLength(total!);
    expect(new Set(seen).size).toBe(total);

    const history = valid(await operator.history({ resourceType: "Task", id: w.orderId })) as Bundle;
    expect(history.entry!.map((e) => (e.resource as { status: string }).status)).toEqual(["accepted", "requested"]);
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
    ] as const) {
      const bundle = valid(await other.search({ resourceType, searchParams })) as Bundle;
      expect(bundle.total, resourceType).toBe(0);
      expect(bundle.entry, resourceType).toBeUndefined();
    }
  });

  it("sees its own rows only: lab B none of lab A's orders, the insurer the claim and coverage under its policy", async () => {
    const labB = client(w.kit.labBKey);
    expect(((await labB.search({ resourceType: "ServiceRequest" })) as Bundle).total).toBe(0);
    expect(await status(labB.read({ resourceType: "ServiceRequest", id: w.orderId }))).toBe(404);
    const labA = client(w.kit.labAKey);
    expect(((await labA.search({ resourceType: "ServiceRequest" })) as Bundle).total).toBe(1);
    const insurer = client(w.insurerKey);
    expect(((await insurer.search({ resourceType: "Claim" })) as Bundle).total).toBe(1);
    expect(((await insurer.search({ resourceType: "Coverage" })) as Bundle).total).toBe(1);
  });
});
