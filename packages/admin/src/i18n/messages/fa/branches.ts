import type { AppMessages } from "../types";

/** The branch chooser (机构选择) and the branch in the app bar. */
export const branches: AppMessages["clinigraph"]["branches"] = {
  chooser_title: "انتخاب اداره",
  chooser_hint:
    "شما در چند اداره کار می‌کنید. اداره‌ای را که اکنون در آن کار می‌کنید انتخاب کنید؛ هر زمان می‌توانید از نوار بالا آن را عوض کنید.",
  current: "اداره: %{name}",
  switch: "تغییر اداره",
  figures_title: "شاخص‌ها به تفکیک اداره",
  branch: "اداره",
  organizations: "سازمان‌ها",
  head_office: "ستاد مرکزی (بدون اداره)",
};
