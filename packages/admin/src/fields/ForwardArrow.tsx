import { useTheme } from "@mui/material";

/**
 * "before → after" in the reading direction: a right-to-left page reads "before ← after".
 * The arrow characters are not mirrored by the bidi algorithm, so the page's direction picks one.
 */
export function ForwardArrow() {
  const theme = useTheme();
  return <span aria-hidden="true">{theme.direction === "rtl" ? "←" : "→"}</span>;
}
