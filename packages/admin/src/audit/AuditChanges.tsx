import { Box } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { ForwardArrow } from "../fields/ForwardArrow";
import { humanize } from "../fields/format";
import { auditChangeLines } from "../sentences/audit";
import type { ColumnProps } from "./AuditColumns";
import { AuditValue, isUnnamedId } from "./AuditValue";

/** The changed fields of an audit event, one line each: "Status: In review → Approved". */
export function AuditChanges(_: ColumnProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = auditChangeLines(record?.changes).filter((line) => !isUnnamedId(line.field, line.after));
  if (!lines.length) return null;
  const entityType = String(record?.entityType ?? "");
  return (
    <Box component="ul" sx={{ m: 0, paddingInlineStart: 2, fontSize: 13 }} data-testid="audit-changes">
      {lines.map((line) =>
        // an update records which fields it changed, by name: "Changed: E-mail, Phone"
        line.field === "fields" && line.names ? (
          <li key={line.field}>
            {translate("clinigraph.audit.changed_fields")}:{" "}
            {line.names.map((n) => translate(`clinigraph.fields.${n}`, { _: humanize(n) })).join(", ")}
          </li>
        ) : (
          <li key={line.field}>
            {translate(`clinigraph.fields.${line.field}`, { _: humanize(line.field) })}:{" "}
            {line.before !== null ? (
              <>
                <bdi>
                  <AuditValue entityType={entityType} field={line.field} value={line.before} />
                </bdi>{" "}
                <ForwardArrow />{" "}
                <bdi>
                  <AuditValue entityType={entityType} field={line.field} value={line.after} />
                </bdi>
              </>
            ) : (
              <AuditValue entityType={entityType} field={line.field} value={line.after} />
            )}
          </li>
        ),
      )}
    </Box>
  );
}
