import { Stack, useMediaQuery, type Theme } from "@mui/material";
import type { ReactElement, ReactNode } from "react";
import {
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  SimpleList,
  TopToolbar,
  useResourceContext,
  useResourceDefinition,
} from "react-admin";
import { safeCsvExporter } from "../data/csvExport";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { FIT_SCREEN } from "./fitScreen";
import { LocalePagination } from "./LocalePagination";
import { renderPath } from "./renderField";
import { renderInput } from "./renderInput";

function filterInputs(meta: ResourceMeta, hidden: string[]) {
  return meta.filters
    .filter((f) => f.name !== "ids" && !hidden.includes(f.name))
    .flatMap((f) => renderInput(f, { forFilter: true, alwaysOn: f.name === "search" }));
}

interface Props {
  /** extra buttons beside Filter / Create / Export (e.g. XLSX export) */
  extraActions?: ReactNode;
  bulkActionButtons?: ReactElement | false;
  /** filters that a surrounding screen sets itself (the order tray tabs) */
  hiddenFilters?: string[];
  filterDefaultValues?: Record<string, unknown>;
  /** what sits between the toolbar and the grid (tabs) */
  aside?: ReactNode;
  rowClick?: "show" | "expand" | false;
  expand?: ReactElement;
  storeKey?: string;
  /** columns a screen writes itself (the audit log's sentences) instead of the layout's */
  columns?: ReactNode;
}

export function ListActions({ meta, extra }: { meta: ResourceMeta; extra?: ReactNode }) {
  // App.tsx registers a create view only for the roles that may create (layout/access.ts)
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {meta.filters.length > 0 && <FilterButton />}
      {meta.create && hasCreate && <CreateButton />}
      {/* every list downloads as CSV with the current filters, formulas neutralised (csvExport.ts) */}
      <ExportButton maxResults={1000} meta={{ full: true }} />
      {extra}
    </TopToolbar>
  );
}

/**
 * On a phone the layout's columns become one card per record: the first column as its
 * title, the middle ones beneath, the last (status, due date) at its side. Nothing is
 * wider than the screen, so the page never scrolls sideways.
 */
function PhoneList({ meta, rowClick }: { meta: ResourceMeta; rowClick: "show" | "expand" | false }) {
  const [first, ...rest] = meta.listColumns;
  const last = rest.length > 1 ? rest.pop() : undefined;
  return (
    <SimpleList
      className="phone-list"
      data-testid="phone-list"
      rowClick={rowClick === "expand" ? false : rowClick}
      primaryText={first ? renderPath(meta, first, false, true) : null}
      secondaryText={
        <Stack component="span" sx={{ overflowWrap: "anywhere" }}>
          {rest.map((path) => (
            <span key={path}>{renderPath(meta, path, false, true)}</span>
          ))}
        </Stack>
      }
      // an element is rendered as given: the class gives it SimpleList's place at the card's far side
      tertiaryText={
        last ? <span className="RaSimpleList-tertiary">{renderPath(meta, last, false, true)}</span> : undefined
      }
    />
  );
}

/** A list built from the generated metadata; workflow screens pass their extras. */
export function MetaList({
  extraActions,
  bulkActionButtons = false,
  hiddenFilters = [],
  filterDefaultValues,
  aside,
  rowClick,
  expand,
  storeKey,
  columns,
}: Props) {
  const meta = resourceMeta(useResourceContext());
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  const click = rowClick ?? (meta.oneQuery ? "show" : false);
  const sortable = new Set(meta.sortable.map((s) => s.source));
  const defaultSort = meta.sortable.find((s) => s.source === "createdAt") ?? meta.sortable[0];

  return (
    <List
      exporter={safeCsvExporter}
      filters={filterInputs(meta, hiddenFilters)}
      actions={<ListActions meta={meta} extra={extraActions} />}
      sort={defaultSort ? { field: defaultSort.source, order: "DESC" } : undefined}
      filterDefaultValues={filterDefaultValues}
      storeKey={storeKey}
      perPage={25}
      pagination={<LocalePagination />}
      sx={FIT_SCREEN}
    >
      {aside}
      {phone && !columns ? (
        <PhoneList meta={meta} rowClick={click} />
      ) : (
        <Datagrid rowClick={click} bulkActionButtons={bulkActionButtons} expand={expand}>
          {columns ?? meta.listColumns.map((path) => renderPath(meta, path, sortable.has(path), true))}
        </Datagrid>
      )}
    </List>
  );
}

export default function GenericList() {
  return <MetaList />;
}
