import { CreateButton, Datagrid, ExportButton, FilterButton, List, TopToolbar, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { renderField } from "./renderField";
import { renderInput } from "./renderInput";

function filterInputs(meta: ResourceMeta) {
  return meta.filters
    .filter((f) => f.name !== "ids")
    .flatMap((f) => renderInput(f, { forFilter: true, alwaysOn: f.name === "search" || f.name === "tray" }));
}

function ListActions({ meta }: { meta: ResourceMeta }) {
  return (
    <TopToolbar>
      {meta.filters.length > 0 && <FilterButton />}
      {meta.create && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
}

export default function GenericList() {
  const meta = resourceMeta(useResourceContext());
  const sortable = new Set(meta.sortable.map((s) => s.source));
  const defaultSort = meta.sortable.find((s) => s.source === "createdAt") ?? meta.sortable[0];
  const columns = meta.listColumns
    .map((name) => meta.fields.find((f) => f.name === name))
    .filter((f) => f !== undefined);

  return (
    <List
      filters={filterInputs(meta)}
      actions={<ListActions meta={meta} />}
      sort={defaultSort ? { field: defaultSort.source, order: "DESC" } : undefined}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {columns.map((field) => renderField(field, sortable.has(field.name)))}
      </Datagrid>
    </List>
  );
}
