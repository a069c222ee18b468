import { Card, CardContent, CardHeader } from "@mui/material";
import type { ReactNode } from "react";
import { Datagrid, Pagination, ReferenceManyField, useListContext, usePermissions, useTranslate } from "react-admin";
import { canSee, type Screen } from "../layout/access";
import { resourceMeta } from "../resources/registry";
import { renderPath } from "./renderField";

interface Props {
  /** the related resource, e.g. orders */
  reference: string;
  /** its filter naming this record, e.g. caseId */
  target: string;
  /** the record's field the filter takes (default its id; a service code's `code`) */
  source?: string;
  /** a title other than the resource's name */
  title?: string;
}

/**
 * The records of another resource that belong to this one (a case's orders, a patient's
 * policies), as a titled card with that resource's own list columns, newest first; left
 * out for a reader who may not open that resource, and when there is none.
 */
export function RelatedList({ reference, target, source, title }: Props) {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!canSee(permissions, reference as Screen)) return null;
  const meta = resourceMeta(reference);
  const sort = meta.sortable.find((s) => s.source === "createdAt") ?? meta.sortable[0];
  return (
    <ReferenceManyField
      reference={reference}
      target={target}
      source={source}
      perPage={10}
      sort={sort ? { field: sort.source, order: "DESC" } : undefined}
    >
      <RelatedCard reference={reference} title={title ?? translate(`resources.${reference}.name`, { smart_count: 2 })}>
        <Datagrid rowClick="show" bulkActionButtons={false} resource={reference}>
          {meta.listColumns.map((path) => renderPath(meta, path, false, true))}
        </Datagrid>
      </RelatedCard>
    </ReferenceManyField>
  );
}

/** The card around the related rows, with their pagination; nothing at all while there are none. */
function RelatedCard({ reference, title, children }: { reference: string; title: string; children: ReactNode }) {
  const { total, isPending } = useListContext();
  if (isPending || !total) return null;
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid={`related-${reference}`}>
      <CardHeader title={title} slotProps={{ title: { variant: "subtitle1", sx: { fontWeight: 600 } } }} />
      <CardContent sx={{ overflowX: "auto" }}>
        {children}
        {total > 10 && <Pagination rowsPerPageOptions={[10]} />}
      </CardContent>
    </Card>
  );
}
