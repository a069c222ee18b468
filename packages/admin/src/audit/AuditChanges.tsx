import { useRecordContext } from "react-admin";

/** The recorded before/after of an audit event, as formatted JSON. */
export function AuditChanges() {
  const record = useRecordContext();
  return (
    <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12 }} dir="ltr">
      {JSON.stringify(record?.changes ?? null, null, 2)}
    </pre>
  );
}
