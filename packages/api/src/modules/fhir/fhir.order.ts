import type { ServiceRequest, Task } from "@medplum/fhirtypes";
import { refId } from "../../platform/graphql/loaders.js";
import { Order, OrderStatus } from "../order/order.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";
import { ORDER_TASK_STATUS, SERVICE_REQUEST_STATUS, concept, fhirMoney } from "./fhir.codes.js";
import { dateParam, identifierParam, referenceParam, statusParam, systemsOf } from "./fhir.params.js";
import { idOf } from "./fhir.people.js";
import { compact, meta, ref, source, type FhirContext } from "./fhir.resource.js";

/** The attention order as a ServiceRequest, and its workflow as a Task (FHIR workflow: Task.focus → ServiceRequest). */

const orderIdentifiers = identifierParam(systemsOf, {
  "order-number": (v) => ({ number: v }),
  "case-number": (v) => ({ case: { number: v } }),
  "scan-key": (v) => ({ case: { scanKey: v } }),
});
const orderPatient = (id: string) => ({ case: { patient: id } });
const patientOf = (o: Order) => refId(o.case.patient);

function identifiers(o: Order, ctx: FhirContext) {
  return [
    ctx.systems.identifier("order-number", o.number, "official"),
    ctx.systems.identifier("scan-key", o.case.scanKey, "secondary"),
  ];
}

/** The requested codes' systems and names, from the fee schedule, once per page. */
async function serviceCodes(rows: Order[], ctx: FhirContext): Promise<Map<string, ServiceCode>> {
  const codes = [...new Set(rows.flatMap((o) => o.requestedCodes))];
  const found = codes.length
    ? await ctx.em.find(ServiceCode, { code: { $in: codes } }, { orderBy: { system: "asc" } })
    : [];
  const byCode = new Map<string, ServiceCode>();
  for (const c of found) if (!byCode.has(c.code)) byCode.set(c.code, c);
  return byCode;
}

export const serviceRequestSource = source<Order>({
  entity: Order,
  populate: ["case"],
  historyOf: "Order",
  params: {
    patient: referenceParam("Patient", "The patient of the order's case", orderPatient),
    status: statusParam(SERVICE_REQUEST_STATUS, "order-status", "status"),
    identifier: orderIdentifiers,
    authored: dateParam("createdAt", "When the order was issued"),
    performer: referenceParam("Organization", "The provider", (id) => ({ provider: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", authored: "createdAt", occurrence: "dueAt" },
  prepare: serviceCodes,
  toFhir: (o, ctx, prepared, status) => {
    const codes = prepared as Map<string, ServiceCode>;
    const local = (status ?? o.status) as OrderStatus;
    return compact<ServiceRequest>({
      resourceType: "ServiceRequest",
      id: o.id,
      meta: meta(o),
      identifier: identifiers(o, ctx),
      requisition: ctx.systems.identifier("case-number", o.case.number),
      status: SERVICE_REQUEST_STATUS[local],
      intent: "order",
      category: [concept(ctx.systems.local("order-kind", o.kind))],
      code: concept(ctx.systems.local("specialty", o.specialty)),
      orderDetail: o.requestedCodes.map((code) => {
        const sc = codes.get(code);
        return concept(ctx.systems.serviceCoding(sc?.system ?? "LOCAL", code, sc?.description));
      }),
      subject: ref("Patient", patientOf(o))!,
      occurrencePeriod: { start: o.createdAt.toISOString(), end: o.dueAt.toISOString() },
      authoredOn: o.createdAt.toISOString(),
      performer: [ref("Organization", refId(o.provider))!],
      note: o.notes ? [{ text: o.notes }] : undefined,
      extension: o.amount
        ? [
            {
              url: `${ctx.systems.base}/StructureDefinition/order-amount`,
              valueMoney: fhirMoney(o.amount, o.currency!),
            },
          ]
        : undefined,
    });
  },
  includes: {
    "ServiceRequest:patient": (o) => idOf("Patient", patientOf(o)),
    "ServiceRequest:subject": (o) => idOf("Patient", patientOf(o)),
    "ServiceRequest:performer": (o) => idOf("Organization", refId(o.provider)),
  },
});

export const orderTaskSource = source<Order>({
  entity: Order,
  populate: ["case"],
  historyOf: "Order",
  params: {
    patient: referenceParam("Patient", "The patient the work is for", orderPatient),
    status: statusParam(ORDER_TASK_STATUS, "order-status", "status"),
    identifier: orderIdentifiers,
    "authored-on": dateParam("createdAt", "When the work was requested"),
    focus: referenceParam("ServiceRequest", "The order followed", (id) => ({ id })),
    owner: referenceParam("Organization", "The organisation doing the work", (id) => ({ provider: id })),
  },
  sort: { _lastUpdated: "updatedAt", _id: "id", "authored-on": "createdAt" },
  toFhir: (o, ctx, _prepared, status) => {
    const local = (status ?? o.status) as OrderStatus;
    return compact<Task>({
      resourceType: "Task",
      id: o.id,
      meta: meta(o),
      identifier: identifiers(o, ctx),
      status: ORDER_TASK_STATUS[local],
      businessStatus: concept(ctx.systems.local("order-status", local)),
      intent: "order",
      code: concept(ctx.systems.local("task-type", "order-workflow", "Attention order workflow")),
      focus: ref("ServiceRequest", o.id),
      for: ref("Patient", patientOf(o)),
      authoredOn: o.createdAt.toISOString(),
      lastModified: o.updatedAt.toISOString(),
      owner: ref("Organization", refId(o.provider)),
      restriction: { period: { end: o.dueAt.toISOString() } },
    });
  },
  includes: {
    "Task:focus": (o) => idOf("ServiceRequest", o.id),
    "Task:patient": (o) => idOf("Patient", patientOf(o)),
    "Task:owner": (o) => idOf("Organization", refId(o.provider)),
  },
});
