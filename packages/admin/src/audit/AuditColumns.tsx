import { ReferenceField, useRecordContext, useTranslate } from "react-admin";
import { auditActionText, RESOURCE_OF_ENTITY } from "../sentences/audit";

/** Read by Datagrid: the header, the cell's class (column-<source>) and no sorting the API lacks. */
export interface ColumnProps {
  label?: string;
  source?: string;
  sortable?: boolean;
}

/** Who acted: the staff user by name, a partner's organisation, or the system. */
export function AuditActor(_: ColumnProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.actorKind === "STAFF" && record.actorId)
    return <ReferenceField source="actorId" reference="users" link={false} />;
  if (record.actorKind === "PARTNER" && record.actorOrganizationId)
    return <ReferenceField source="actorOrganizationId" reference="organizations" link={false} />;
  return <span>{translate("clinigraph.audit.system")}</span>;
}

/** What was done, in words: "Order: Approved". */
export function AuditAction(_: ColumnProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span data-testid="audit-action">
      {auditActionText(String(record.action), String(record.entityType), translate)}
    </span>
  );
}

/** Which record, by its number, linked to its page; kinds without a screen by their type. */
export function AuditRecord(_: ColumnProps) {
  const record = useRecordContext();
  if (!record?.entityId) return null;
  const resource = RESOURCE_OF_ENTITY[String(record.entityType)];
  if (!resource) return <span>{String(record.entityType)}</span>;
  return <ReferenceField source="entityId" reference={resource} link="show" />;
}
