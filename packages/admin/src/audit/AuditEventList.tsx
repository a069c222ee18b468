import { MetaList } from "../views/GenericList";
import { AuditChanges } from "./AuditChanges";

/** The audit trail: generated columns and filters, each row expanding to its changes. */
export default function AuditEventList() {
  return <MetaList rowClick="expand" expand={<AuditChanges />} />;
}
