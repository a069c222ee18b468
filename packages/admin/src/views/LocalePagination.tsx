import { PaginationItem } from "@mui/material";
import { Pagination, PaginationActions, useLocaleState, type PaginationActionsProps } from "react-admin";
import { formatNumber } from "../fields/format";

/** Page buttons numbered in the reader's digits (۱ ۲ ۳ in Persian). */
function LocalePaginationActions(props: PaginationActionsProps) {
  const [locale] = useLocaleState();
  return (
    <PaginationActions
      {...props}
      // handed on to MUI's Pagination by react-admin's actions
      {...{
        renderItem: (item: Parameters<typeof PaginationItem>[0]) => (
          <PaginationItem
            {...item}
            page={typeof item.page === "number" ? formatNumber(item.page, locale) : item.page}
          />
        ),
      }}
    />
  );
}

const ROWS_PER_PAGE = [10, 25, 50, 100];

/**
 * react-admin's pagination with every number in the reader's digits: the range ("۱-۲۵ از
 * ۴۷", through the catalogue's interpolation), the rows-per-page choices and the page buttons.
 */
export function LocalePagination() {
  const [locale] = useLocaleState();
  return (
    <Pagination
      actions={LocalePaginationActions}
      rowsPerPageOptions={ROWS_PER_PAGE.map((value) => ({ value, label: formatNumber(value, locale) }))}
    />
  );
}
