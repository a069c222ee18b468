import { RecordContextProvider, ReferenceField, useTranslate } from "react-admin";

/** Fields of audited changes that name another record, and the resource that shows it. */
const REFERENCE_FIELDS: Record<string, string> = {
  site: "organizations",
  siteId: "organizations",
  hospital: "organizations",
  hospitalId: "organizations",
  provider: "organizations",
  providerId: "organizations",
  organizationId: "organizations",
  case: "cases",
  caseId: "cases",
  patient: "patients",
  patientId: "patients",
  policy: "policies",
  policyId: "policies",
  order: "orders",
  orderId: "orders",
  visitor: "users",
  visitorId: "users",
  assignee: "users",
  assigneeId: "users",
  userId: "users",
};

/**
 * Audited fields whose values belong to another enum than `<Entity><Field>`: an order's
 * `kind` is only ever written by report.attach, and is the report's.
 */
const ENUM_OF_FIELD: Record<string, string> = { "Order.kind": "ReportKind" };

/** A bare id of a record without a page says nothing to a reader: such a change line is left out. */
export function isUnnamedId(field: string, value: string): boolean {
  return UUID.test(value) && !REFERENCE_FIELDS[field];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

/**
 * One value of an audited change as a reader needs it: a referenced record by its name
 * (batched with the page's other references), an enum value in the user's language
 * (`status` of a Visit → clinigraph.enums.VisitStatus), anything else as recorded.
 */
export function AuditValue({ entityType, field, value }: { entityType: string; field: string; value: string }) {
  const translate = useTranslate();
  const reference = REFERENCE_FIELDS[field];
  if (reference && UUID.test(value))
    return (
      <RecordContextProvider value={{ id: `${field}:${value}`, target: value }}>
        <ReferenceField source="target" reference={reference} link={false} />
      </RecordContextProvider>
    );
  // a rejection's or return's reason code, from the API's own table of reasons
  if (field === "reasonCode") return <bdi>{translate(`clinigraph.reasons.${value}`, { _: value })}</bdi>;
  if (ENUM_VALUE.test(value)) {
    const enumType =
      ENUM_OF_FIELD[`${entityType}.${field}`] ?? `${entityType}${field.charAt(0).toUpperCase()}${field.slice(1)}`;
    return <bdi>{translate(`clinigraph.enums.${enumType}.${value}`, { _: value })}</bdi>;
  }
  // a recorded word ("file", "form"): its label when the catalogue has one
  return <bdi>{translate(`clinigraph.audit.values.${field}.${value}`, { _: value })}</bdi>;
}
