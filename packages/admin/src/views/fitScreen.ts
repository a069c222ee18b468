/**
 * The list is never wider than the screen: a grid wider than it scrolls inside the list,
 * the filters wrap and shrink, the tabs scroll (their own arrows) — never the page.
 */
export const FIT_SCREEN = {
  minWidth: 0,
  "& .RaList-main": { minWidth: 0, maxWidth: "100%" },
  "& .RaList-content": { overflowX: "auto" },
  "& .RaFilterForm-root": { flexWrap: "wrap", minWidth: 0 },
  "& .RaFilterFormInput-root, & .RaFilterFormInput-root .MuiFormControl-root": { minWidth: 0, maxWidth: "100%" },
};
