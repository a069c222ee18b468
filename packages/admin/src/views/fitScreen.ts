/**
 * The list is never wider than the screen: a grid wider than it scrolls inside the list,
 * the filters wrap and shrink, the tabs scroll (their own arrows) — never the page.
 */
export const FIT_SCREEN = {
  minWidth: 0,
  "& .RaList-main": { minWidth: 0, maxWidth: "100%" },
  // The grid scrolls inside its own wrapper, not the list's content box: react-admin's bulk
  // actions toolbar sits in that box lifted over the list's top bar (translateY), and a
  // scrolling box would clip it under the app bar (the bulk Assign button could not be clicked).
  "& .RaDatagrid-tableWrapper": { overflowX: "auto" },
  "& .RaFilterForm-root": { flexWrap: "wrap", minWidth: 0 },
  "& .RaFilterFormInput-root, & .RaFilterFormInput-root .MuiFormControl-root": { minWidth: 0, maxWidth: "100%" },
};
