import type { AppMessages } from "../types";

/** The branch chooser (机构选择) and the branch in the app bar. */
export const branches: AppMessages["clinigraph"]["branches"] = {
  chooser_title: "Изберете клон",
  chooser_hint:
    "Работите в няколко клона. Изберете в кой да работите сега; можете да смените по всяко време от горната лента.",
  current: "Клон: %{name}",
  switch: "Смяна на клона",
  figures_title: "Показатели по клонове",
  branch: "Клон",
  organizations: "Организации",
  head_office: "Централно управление (без клон)",
};
