import { useTranslate } from "react-admin";
import { LocaleDateField } from "../fields/LocaleDateField";
import { MetaList } from "../views/GenericList";
import { AuditChanges } from "./AuditChanges";
import { AuditAction, AuditActor, AuditRecord } from "./AuditColumns";

/** The audit trail as a reader wants it: when, who, what, which record, what changed. */
export default function AuditEventList() {
  const translate = useTranslate();
  return (
    <MetaList
      rowClick={false}
      columns={[
        <LocaleDateField
          key="when"
          source="createdAt"
          sortable={false}
          showTime
          label={translate("clinigraph.audit.when")}
        />,
        <AuditActor key="who" source="actorId" sortable={false} label={translate("clinigraph.audit.who")} />,
        <AuditAction key="what" source="action" sortable={false} label={translate("clinigraph.audit.what")} />,
        <AuditRecord key="record" source="entityId" sortable={false} label={translate("clinigraph.audit.record")} />,
        <AuditChanges key="changes" source="changes" sortable={false} label={translate("clinigraph.audit.changes")} />,
      ]}
    />
  );
}
