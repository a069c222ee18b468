import type { AppMessages } from "../types";

/** The branch chooser (机构选择) and the branch in the app bar. */
export const branches: AppMessages["clinigraph"]["branches"] = {
  chooser_title: "Elija su oficina",
  chooser_hint:
    "Trabaja en varias oficinas. Elija en cuál trabajar ahora; puede cambiar cuando quiera desde la barra superior.",
  current: "Oficina: %{name}",
  switch: "Cambiar de oficina",
  figures_title: "Cifras por oficina",
  branch: "Oficina",
  organizations: "Organizaciones",
  head_office: "Casa matriz (sin oficina)",
};
