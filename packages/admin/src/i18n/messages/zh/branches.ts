import type { AppMessages } from "../types";

/** The branch chooser (机构选择) and the branch in the app bar. */
export const branches: AppMessages["clinigraph"]["branches"] = {
  chooser_title: "选择机构",
  chooser_hint: "您属于多个分公司。请选择现在要进入的机构；之后可随时在顶部栏切换。",
  current: "机构：%{name}",
  switch: "切换机构",
  figures_title: "各机构指标",
  branch: "机构",
  organizations: "机构数",
  head_office: "总公司（未分配机构）",
};
