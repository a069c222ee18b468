import { Box, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import type { ReactNode } from "react";

export interface FigureColumn {
  label: ReactNode;
  /** figures (amounts, counts, rates) align right */
  align?: "right";
}

/**
 * A small table of figures (the dashboard's cards, the collections page): the header row,
 * then the rows given as children, scrolling sideways on a narrow screen; or, when `empty`
 * is a sentence, that sentence instead (nothing for the chosen day or month).
 */
export function FigureTable({
  columns,
  empty,
  children,
}: {
  columns: readonly FigureColumn[];
  empty: string | null;
  children: ReactNode;
}) {
  if (empty !== null) return <Typography>{empty}</Typography>;
  return (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Box>
  );
}

/** The day (`date`) or month (`month`) a figures view is for, by the browser's own picker. */
export function PeriodField(props: {
  type: "date" | "month";
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
}) {
  return (
    <TextField
      type={props.type}
      size="small"
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": props.testId } }}
    />
  );
}
