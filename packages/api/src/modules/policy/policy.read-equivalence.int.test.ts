import { expect, it } from "vitest";
import fc from "fast-check";
import { describeCompiledReads } from "../../platform/read-compiler/test-support/compiled-reads.fixtures.js";
import { ORG, PATIENT, pick, type ReadWorld } from "../../test-support/read-world.fixtures.js";
import { insuredPatientWithCase } from "../claim/claim.fixtures.js";
import { DocumentType } from "../document/document-type.entity.js";
import { FormTemplate } from "../order/form-template.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";
import { Policy, PolicyNetworkProvider } from "./policy.entity.js";

// Reference data on the compiled read path: policies with their liabilities, insurer and
// network, the fee schedule, document types and report form templates.

const LIABILITY = pick([
  "id",
  "code",
  "name",
  "coverageRate",
  "annualLimit",
  "perClaimLimit",
  "version",
  "createdAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const POLICY = fc
  .tuple(
    pick([
      "id",
      "number",
      "type",
      "holderName",
      "validFrom",
      "validTo",
      "status",
      "deductible",
      "coverageRate",
      "currency",
      "insurerId",
      "version",
      "createdAt",
      "updatedAt",
      "__typename",
    ]),
    fc.option(ORG),
    fc.option(LIABILITY),
    fc.option(ORG),
    fc.option(PATIENT),
  )
  .map(
    ([s, i, l, n, m]) =>
      `{ ${s} ${i ? `insurer ${i}` : ""} ${l ? `liabilities ${l}` : ""} ${n ? `networkProviders ${n}` : ""} ${m ? `members ${m}` : ""} }`,
  );
const SERVICE_CODE = pick([
  "id",
  "system",
  "code",
  "description",
  "fee",
  "currency",
  "maxDiscountRate",
  "requiresPreauthorization",
  "specialty",
  "active",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const DOCUMENT_TYPE = pick([
  "id",
  "code",
  "name",
  "description",
  "requiredForClaimKinds",
  "active",
  "position",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);
const FORM_TEMPLATE = pick([
  "id",
  "specialty",
  "templateVersion",
  "title",
  "schema",
  "active",
  "createdByKind",
  "createdById",
  "version",
  "createdAt",
  "updatedAt",
  "__typename",
]).map((s) => `{ ${s} }`);

const idsOf = async (w: ReadWorld, query: string, field: string) => {
  const r = await w.read("orm", query, {}, w.principals.admin!);
  const data = (r.body as { data: Record<string, { nodes?: { id: string }[] } | { id: string }[]> }).data[field]!;
  return (Array.isArray(data) ? data : data.nodes!).map((n) => n.id);
};

const reads = describeCompiledReads("compiled policy and reference data reads", {
  async seed(w) {
    const em = w.w.fx.em;
    // A CLP policy (no minor digits) of another insurer, with a limitless liability; the
    // individual policy's network.
    const insurer = await w.w.fx.organization(OrganizationKind.INSURER, { name: "Isapre Sur" } as never);
    await insuredPatientWithCase(em, {
      insurer,
      registeredBy: w.w.clinic,
      currency: "CLP",
      deductible: "50000.00",
      coverageRate: "0.7",
      annualLimit: null,
      perClaimLimit: "150000.00",
    } as never);
    em.create(PolicyNetworkProvider, { policy: w.w.individual.id, provider: w.w.clinic.id } as never);
    em.create(PolicyNetworkProvider, { policy: w.w.individual.id, provider: w.w.otherHospital.id } as never);
    em.create(ServiceCode, {
      system: "LOCAL",
      code: "TR-01",
      description: "Consulta traumatología",
      fee: "35000.00",
      currency: "CLP",
      maxDiscountRate: "0.25",
      specialty: "traumatology",
    } as never);
    em.create(DocumentType, {
      code: "R17_INVOICE",
      name: "Factura",
      description: "Factura del prestador",
      requiredForClaimKinds: ["OUTPATIENT", "INPATIENT"],
      position: 1,
    } as never);
    em.create(DocumentType, { code: "R17_OLD", name: "Retired", active: false, position: 2 } as never);
    em.create(FormTemplate, {
      specialty: "r17-traumatology",
      templateVersion: 1,
      title: "Informe",
      schema: { type: "object", required: ["diagnosis"], properties: { diagnosis: { type: "string" } } },
      active: false,
      createdByKind: "STAFF",
      createdById: w.w.visitor.id,
    } as never);
    em.create(FormTemplate, {
      specialty: "r17-traumatology",
      templateVersion: 2,
      title: "Informe v2",
      schema: { type: "object", properties: { diagnosis: { type: "string" }, days: { type: "integer" } } },
    } as never);
    await em.flush();
  },
  async principals(w) {
    // The insurer of the claims' policies reads its own policies.
    const em = w.w.fx.em;
    const policy = await em.fork().findOneOrFail(Policy, { insurer: { kind: OrganizationKind.INSURER } });
    return { insurer: (await w.w.fx.apiKey(em.getReference(Organization, policy.insurer.id))).secret };
  },
  byId: [
    {
      field: "policy",
      ids: (w) => idsOf(w, `{ policies(first: 100) { nodes { id } } }`, "policies"),
      selection: POLICY,
      runs: 40,
    },
    {
      field: "serviceCode",
      ids: (w) => idsOf(w, `{ serviceCodes(first: 100) { nodes { id } } }`, "serviceCodes"),
      selection: SERVICE_CODE,
    },
    {
      field: "formTemplate",
      ids: (w) => idsOf(w, `{ formTemplates(all: true) { id } }`, "formTemplates"),
      selection: FORM_TEMPLATE,
    },
  ],
  connections: [
    {
      field: "policies",
      types: { filter: "PolicyFilter", order: "PolicyOrder" },
      node: POLICY,
      filter: fc.record(
        {
          type: fc.subarray(["INDIVIDUAL", "GROUP"], { minLength: 1 }),
          status: fc.subarray(["ACTIVE", "CANCELLED", "EXPIRED"], { minLength: 1 }),
          activeOn: fc.constantFrom("2026-03-10", "2030-01-01"),
          search: fc.constantFrom("IND", "Mina", "nobody"),
        },
        { requiredKeys: [] },
      ),
      orderBy: fc.record({
        field: fc.constantFrom("NUMBER", "VALID_FROM", "CREATED_AT"),
        direction: fc.constantFrom("ASC", "DESC"),
      }),
      runs: 40,
    },
    {
      field: "serviceCodes",
      types: { filter: "ServiceCodeFilter", order: "ServiceCodeOrder" },
      node: SERVICE_CODE,
      filter: fc.record(
        {
          system: fc.constantFrom("CDT", "LOCAL"),
          codes: fc.subarray(["D0150", "D2740", "TR-01"], { minLength: 1 }),
          specialty: fc.constantFrom("dentistry", "traumatology"),
          active: fc.boolean(),
          search: fc.constantFrom("crown", "consulta", "nobody"),
        },
        { requiredKeys: [] },
      ),
      orderBy: fc.record({
        field: fc.constantFrom("CODE", "SYSTEM", "FEE", "CREATED_AT"),
        direction: fc.constantFrom("ASC", "DESC"),
      }),
    },
  ],
  lists: [
    { field: "documentTypes", args: fc.constantFrom("", "(all: true)", "(all: false)"), selection: DOCUMENT_TYPE },
    {
      field: "formTemplates",
      args: fc.constantFrom(
        "",
        "(all: true)",
        `(specialty: " R17-Traumatology ")`,
        `(specialty: "r17-traumatology", all: true)`,
      ),
      selection: FORM_TEMPLATE,
    },
  ],
  statements: [
    {
      name: "a page of policies with insurer, liabilities and network",
      query: `query($n: Int) { policies(first: $n) { totalCount nodes { id deductible coverageRate insurer { id name }
        liabilities { code annualLimit perClaimLimit coverageRate } networkProviders { id name } } } }`,
      principals: ["operator", "insurer", "billingTEH"],
    },
    {
      name: "a policy with everything nested, its members included",
      query: `query($id: ID!) { policy(id: $id) { id deductible insurer { id } liabilities { code annualLimit }
        networkProviders { id } members { id lastName registeredBy { name } } } }`,
      variables: (w) => ({ id: w.w.individual.id }),
      principals: ["operator", "reviewer", "hospital"],
    },
    {
      name: "the fee schedule, document types and form templates asked together",
      query: `query($n: Int) { serviceCodes(first: $n) { nodes { code fee maxDiscountRate } }
        documentTypes(all: true) { code requiredForClaimKinds } formTemplates { specialty schema } }`,
      principals: ["clinic", "billing"],
    },
  ],
});

it("prints a CLP policy's amounts without minor digits and its rates with four, as the scalars do", async () => {
  const w = reads.world;
  const Q = `{ policies(first: 100, filter: { search: "Mina" }) { nodes { currency deductible coverageRate
    liabilities { annualLimit perClaimLimit coverageRate } } } }`;
  const r = await w.read("compiled", Q, {}, w.principals.admin!);
  expect(r.answeredBy).toBe("compiled");
  const clp = (
    r.body as { data: { policies: { nodes: { currency: string; deductible: string }[] } } }
  ).data.policies.nodes.find((p) => p.currency === "CLP");
  expect(clp).toEqual({
    currency: "CLP",
    deductible: "50000",
    coverageRate: "0.7000",
    liabilities: [{ annualLimit: null, perClaimLimit: "150000", coverageRate: "0.7000" }],
  });
});

it("leaves members(first: …) and FormTemplate.createdByName to the resolvers", async () => {
  const w = reads.world;
  for (const q of [
    `query($id: ID!) { policy(id: $id) { id members(first: 1) { id } } }`,
    `{ formTemplates(all: true) { id createdByName } }`,
  ]) {
    const vars = { id: w.w.individual.id };
    const compiled = await w.read("compiled", q, vars, w.principals.operator!);
    expect(compiled.answeredBy).toBe("resolvers");
    expect(compiled.body).toEqual((await w.read("orm", q, vars, w.principals.operator!)).body);
  }
});
