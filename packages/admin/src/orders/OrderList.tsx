import { MetaList } from "../views/GenericList";
import { TrayTabs } from "./TrayTabs";

/** Orders by tray: the tray is a tab, not a filter the user adds. */
export default function OrderList() {
  return <MetaList hiddenFilters={["tray"]} filterDefaultValues={{ tray: "TO_MANAGE" }} aside={<TrayTabs />} />;
}
