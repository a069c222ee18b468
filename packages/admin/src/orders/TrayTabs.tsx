import { Tab, Tabs } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useListContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { toFilter } from "../data/dataProvider";
import { resourceMeta } from "../resources/registry";
import { TRAY_COUNTS, type TrayCounts } from "./queries";

const TRAYS: { value: string; count: keyof TrayCounts }[] = [
  { value: "IN_PROCESS", count: "inProcess" },
  { value: "WORKED", count: "worked" },
  { value: "TO_MANAGE", count: "toManage" },
  { value: "CLOSED", count: "closed" },
];

/** The four order trays as tabs, each with its count under the other filters. */
export function TrayTabs() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const { tray = "TO_MANAGE", ...others } = filterValues as { tray?: string } & Record<string, unknown>;
  const filter = toFilter(resourceMeta("orders"), others);
  const { data } = useQuery({
    queryKey: ["orderTrayCounts", filter],
    queryFn: () => request<{ orderTrayCounts: TrayCounts }>(TRAY_COUNTS, { filter }),
  });

  return (
    <Tabs
      value={tray}
      variant="scrollable"
      onChange={(_, value: string) => setFilters({ ...filterValues, tray: value }, displayedFilters)}
      sx={{ borderBottom: 1, borderColor: "divider" }}
    >
      {TRAYS.map(({ value, count }) => (
        <Tab
          key={value}
          value={value}
          data-testid={`tray-${value}`}
          label={`${translate(`clinigraph.enums.OrderTray.${value}`)} (${data?.orderTrayCounts[count] ?? "…"})`}
        />
      ))}
    </Tabs>
  );
}
