/** The branch chooser (机构选择) and the branch in the app bar. */
export const branches = {
  chooser_title: "Choose your branch",
  chooser_hint:
    "You work in several branches. Choose the one to work in now; you can switch at any time from the top bar.",
  current: "Branch: %{name}",
  switch: "Switch branch",
  figures_title: "Figures by branch",
  branch: "Branch",
  organizations: "Organizations",
  head_office: "Head office (no branch)",
};
