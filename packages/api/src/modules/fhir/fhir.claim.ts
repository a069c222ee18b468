import type {
  Claim as FhirClaim,
  ClaimResponse,
  ClaimResponseTotal,
  Coverage,
  Organization,
  Reference,
  Task,
} from "@medplum/fhirtypes";
import { refId } from "../../platform/graphql/loaders.js";
import { Claim } from "../claim/claim.entity.js";
import { ClaimKind, ClaimStatus } from "../claim/claim.enums.js";
import { ClaimLine } from "../claim/claim-line.entity.js";
import { Policy, PolicyMember } from "../policy/policy.entity.js";
import { CLAIM_RESPONSE_OUTCOME, CLAIM_STATUS, CLAIM_TASK_STATUS, SYSTEMS, concept, fhirMoney } from "./fhir.codes.js";
import { dateParam, identifierParam, referenceParam, statusParam, systemsOf } from "./fhir.params.js";
import { idOf } from "./fhir.people.js";
import { compact, meta, ref, source, type FhirContext } from "./fhir.resource.js";

/** A claim as Claim, its review's answer as ClaimResponse, and its workflow as a Task. */

interface ClaimPage {
  lines: Map<string, ClaimLine[]>;
  /** Policies the caller sees (an agency does not see the insurer's policy rows). */
  policies: Map<string, Policy>;
  /** Coverage (membership) ids by `policyId patientId`, where the caller sees them. */
  members: Map<string, string>;
}

async function loadPage(rows: Claim[], ctx: FhirContext): Promise<ClaimPage> {
  const ids = rows.map((c) => c.id);
  const policyIds = [...new Set(rows.map((c) => refId(c.policy)!))];
  const patientIds = [...new Set(rows.map((c) => refId(c.case.patient)!))];
  const [lines, policies, members] = ids.length
    ? await Promise.all([
        ctx.em.find(ClaimLine, { claim: { $in: ids } }, { orderBy: { position: "asc" } }),
        ctx.em.find(Policy, { id: { $in: policyIds } }),
        ctx.em.find(PolicyMember, { policy: { $in: policyIds }, patient: { $in: patientIds } }),
      ])
    : [[], [], []];
  const page: ClaimPage = { lines: new Map(), policies: new Map(), members: new Map() };
  for (const l of lines) {
    const list = page.lines.get(refId(l.claim)!) ?? [];
    list.push(l);
    page.lines.set(refId(l.claim)!, list);
  }
  for (const p of policies) page.policies.set(p.id, p);
  for (const m of members) page.members.set(`${refId(m.policy)} ${refId(m.patient)}`, m.id);
  return page;
}

const claimIdentifiers = identifierParam(systemsOf, {
  "claim-number": (v) => ({ number: v }),
  "case-number": (v) => ({ case: { number: v } }),
  "scan-key": (v) => ({ case: { scanKey: v } }),
});
const claimPatient = (id: string) => ({ case: { patient: id } });
const patientOf = (c: Claim) => refId(c.case.patient);

function identifiers(c: Claim, ctx: FhirContext) {
  return [
    ctx.systems.identifier("claim-number", c.number, "official"),
    ctx.systems.identifier("scan-key", c.case.scanKey, "secondary"),
  ];
}

const CLAIM_TYPE: Record<ClaimKind, string> = {
  [ClaimKind.OUTPATIENT]: "professional",
  [ClaimKind.INPATIENT]: "institutional",
  [ClaimKind.GLOBAL]: "institutional",
};

function claimType(c: Claim, lines: ClaimLine[]) {
  // Dental claims (CDT lines) are FHIR's "oral" claims whatever the agency's kind.
  const code = lines.some((l) => l.serviceSystem === "CDT") ? "oral" : CLAIM_TYPE[c.kind];
  return concept({ system: SYSTEMS.CLAIM_TYPE, code });
}

/** The insurer: a reference where the caller sees the policy, its name withheld otherwise. */
function insurerOf(c: Claim, page: ClaimPage): Reference<Organization> {
  const policy = page.policies.get(refId(c.policy)!);
  return policy ? ref("Organization", refId(policy.insurer))! : { display: "Insurer (not visible to this caller)" };
}

function coverageOf(c: Claim, page: ClaimPage): Reference<Coverage> {
  const member = page.members.get(`${refId(c.policy)} ${patientOf(c)}`);
  return member ? ref("Coverage", member)! : { display: "Coverage (not visible to this caller)" };
}

const adjudication = (code: string, value: string | null | undefined, currency: string) =>
  value === null || value === undefined
    ? undefined
    : { category: concept({ system: SYSTEMS.ADJUDICATION, code }), amount: fhirMoney(value, currency)! };

export const claimSource = source<Claim>({
  entity: Claim,
  populate: ["case"],
  historyOf: "Claim",
  params: {
    patient: referenceParam("Patient", "The patient of the claim's case", claimPatient),
    status: statusParam(CLAIM_STATUS, "claim-status", "status"),
    identifier: claimIdentifiers,
    created: dateParam("createdAt", "When the claim was registered"),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", created: "createdAt" },
  prepare: loadPage,
  toFhir: (c, ctx, prepared, status) => {
    const page = prepared as ClaimPage;
    const lines = page.lines.get(c.id) ?? [];
    const local = (status ?? c.status) as ClaimStatus;
    return compact<FhirClaim>({
      resourceType: "Claim",
      id: c.id,
      meta: meta(c),
      identifier: identifiers(c, ctx),
      status: CLAIM_STATUS[local],
      type: claimType(c, lines),
      subType: concept(ctx.systems.local("claim-kind", c.kind)),
      use: "claim",
      patient: ref("Patient", patientOf(c))!,
      created: c.createdAt.toISOString(),
      enterer: undefined,
      insurer: insurerOf(c, page),
      provider: ref("Organization", refId(c.provider) ?? refId(c.registeredBy))!,
      priority: concept({ system: SYSTEMS.PROCESS_PRIORITY, code: "normal" }),
      insurance: [{ sequence: 1, focal: true, coverage: coverageOf(c, page) }],
      item: lines.map((l) =>
        compact({
          sequence: l.position + 1,
          productOrService: concept(ctx.systems.serviceCoding(l.serviceSystem, l.serviceCode)),
          quantity: { value: l.quantity },
          unitPrice: fhirMoney(l.unitPrice, l.currency),
          net: fhirMoney(l.amount, l.currency),
        }),
      ),
      total: fhirMoney(c.gross, c.currency),
    });
  },
  includes: {
    "Claim:patient": (c) => idOf("Patient", patientOf(c)),
    "Claim:provider": (c) => idOf("Organization", refId(c.provider) ?? refId(c.registeredBy)),
  },
});

export const claimResponseSource = source<Claim>({
  ...claimSource,
  base: { status: { $in: Object.keys(CLAIM_RESPONSE_OUTCOME) } },
  params: {
    patient: claimSource.params.patient!,
    identifier: claimIdentifiers,
    created: dateParam("updatedAt", "When the review last answered"),
    outcome: statusParam(CLAIM_RESPONSE_OUTCOME as Record<string, string>, "claim-status", "status"),
    request: referenceParam("Claim", "The claim answered", (id) => ({ id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", created: "updatedAt" },
  toFhir: (c, ctx, prepared, status) => {
    const page = prepared as ClaimPage;
    const lines = page.lines.get(c.id) ?? [];
    const local = (status ?? c.status) as ClaimStatus;
    const notes = [
      ...c.returnReasons.map((r) => `${r.code}: ${r.text}`),
      ...(c.denialReason ? [c.denialReason] : []),
      ...(c.settlementNote ? [c.settlementNote] : []),
    ];
    return compact<ClaimResponse>({
      resourceType: "ClaimResponse",
      id: c.id,
      meta: meta(c),
      identifier: [ctx.systems.identifier("claim-number", c.number, "official")],
      status: "active",
      type: claimType(c, lines),
      use: "claim",
      patient: ref("Patient", patientOf(c))!,
      created: c.updatedAt.toISOString(),
      insurer: insurerOf(c, page),
      request: ref("Claim", c.id),
      outcome: CLAIM_RESPONSE_OUTCOME[local] ?? "queued",
      disposition: local,
      item: lines.map((l) => ({
        itemSequence: l.position + 1,
        adjudication: [
          adjudication("submitted", l.amount, l.currency)!,
          ...(l.approvedAmount != null ? [adjudication("benefit", l.approvedAmount, l.currency)!] : []),
        ],
      })),
      total: [
        adjudication("submitted", c.gross, c.currency),
        adjudication("deductible", c.approvedDeductibleApplied, c.currency),
        adjudication("copay", c.approvedPatientShare, c.currency),
        adjudication("benefit", c.approvedPayable, c.currency),
      ].filter((t): t is ClaimResponseTotal => t !== undefined),
      payment:
        local === ClaimStatus.SETTLED
          ? compact({
              type: concept({ system: "http://terminology.hl7.org/CodeSystem/ex-paymenttype", code: "complete" }),
              date: c.settledAt?.toISOString().slice(0, 10),
              amount: fhirMoney(c.paidInsurer, c.currency)!,
              identifier: c.settlementReference
                ? ctx.systems.identifier("settlement-reference", c.settlementReference)
                : undefined,
            })
          : undefined,
      processNote: notes.map((text, i) => ({ number: i + 1, type: "display" as const, text })),
    });
  },
  includes: {
    "ClaimResponse:request": (c) => idOf("Claim", c.id),
    "ClaimResponse:patient": (c) => idOf("Patient", patientOf(c)),
  },
});

export const claimTaskSource = source<Claim>({
  entity: Claim,
  populate: ["case"],
  historyOf: "Claim",
  params: {
    patient: referenceParam("Patient", "The patient the work is for", claimPatient),
    status: statusParam(CLAIM_TASK_STATUS, "claim-status", "status"),
    identifier: claimIdentifiers,
    "authored-on": dateParam("createdAt", "When the work was requested"),
    focus: referenceParam("Claim", "The claim followed", (id) => ({ id })),
    owner: referenceParam("Organization", "The organisation doing the work", (id) => ({ registeredBy: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", "authored-on": "createdAt" },
  toFhir: (c, ctx, _prepared, status) => {
    const local = (status ?? c.status) as ClaimStatus;
    return compact<Task>({
      resourceType: "Task",
      id: c.id,
      meta: meta(c),
      identifier: identifiers(c, ctx),
      status: CLAIM_TASK_STATUS[local],
      businessStatus: concept(ctx.systems.local("claim-status", local)),
      statusReason: c.returnReasons.length
        ? concept(...c.returnReasons.map((r) => ctx.systems.local("return-reason", r.code, r.text)))
        : undefined,
      intent: "order",
      code: concept(ctx.systems.local("task-type", "claim-workflow", "Claim review workflow")),
      focus: ref("Claim", c.id),
      for: ref("Patient", patientOf(c)),
      authoredOn: c.createdAt.toISOString(),
      lastModified: c.updatedAt.toISOString(),
      owner: ref("Organization", refId(c.registeredBy)),
      restriction: { period: { end: c.deliveryDueAt.toISOString() } },
    });
  },
  includes: {
    "Task:focus": (c) => idOf("Claim", c.id),
    "Task:patient": (c) => idOf("Patient", patientOf(c)),
    "Task:owner": (c) => idOf("Organization", refId(c.registeredBy)),
  },
});
