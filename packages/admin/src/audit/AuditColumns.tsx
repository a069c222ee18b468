import { Link } from "react-router-dom";
import { ReferenceField, useRecordContext, useResourceDefinitions, useTranslate } from "react-admin";
import { auditActionText, PAGE_OF_ENTITY, RESOURCE_OF_ENTITY } from "../sentences/audit";

/** Read by Datagrid: the header, the cell's class (column-<source>) and no sorting the API lacks. */
export interface ColumnProps {
  label?: string;
  source?: string;
  sortable?: boolean;
}

/**
 * Who acted: the staff user by name (linked to their page), a partner's user by name with
 * their organisation, a partner's API key by its organisation, or the system.
 */
export function AuditActor(_: ColumnProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.actorKind === "STAFF" && record.actorId) return <ReferenceField source="actorId" reference="users" />;
  if (record.actorKind === "PARTNER_USER" && record.actorId)
    return (
      <span data-testid="audit-partner-user">
        <ReferenceField source="actorId" reference="users" link={false} />
        {record.actorOrganizationId && (
          <>
            {" · "}
            <ReferenceField source="actorOrganizationId" reference="organizations" />
          </>
        )}
      </span>
    );
  if (record.actorKind === "PARTNER" && record.actorOrganizationId)
    return <ReferenceField source="actorOrganizationId" reference="organizations" />;
  if (record.actorKind === "ANONYMOUS") return <span>{translate("clinigraph.enums.ActorKind.ANONYMOUS")}</span>;
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
  const translate = useTranslate();
  const definitions = useResourceDefinitions();
  if (!record?.entityId) return null;
  const type = String(record.entityType);
  const resource = RESOURCE_OF_ENTITY[type];
  const typeName = translate(`clinigraph.enums.EntityType.${type}`, { _: type });
  const page = PAGE_OF_ENTITY[type];
  if (!resource)
    return page && definitions[page]?.hasShow ? (
      <Link to={`/${page}/${encodeURIComponent(String(record.entityId))}/show`}>{typeName}</Link>
    ) : (
      <span>{typeName}</span>
    );
  // a record's number never breaks across lines (ORD-2026-000014)
  return <ReferenceField source="entityId" reference={resource} sx={{ whiteSpace: "nowrap" }} />;
}
