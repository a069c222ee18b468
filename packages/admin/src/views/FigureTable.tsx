import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
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
