import { GlobalStyles, LinearProgress, Tab, Tabs } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useListContext, useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import { toFilter } from "../data/dataProvider";
import { formatNumber } from "../fields/format";
import { resourceMeta } from "../resources/registry";
import { TRAY_COUNTS, type TrayCounts } from "./queries";

/**
 * How often the counts are asked for again while the page is visible. Polling, not a push
 * channel: the counts are one scoped aggregate query, cheap at this rate for every open
 * console, and need no connection the API's replicas would have to share. A tab in the
 * background does not poll.
 */
const TRAY_COUNTS_REFRESH_MS = 15_000;

const TRAYS: { value: string; count: keyof TrayCounts }[] = [
  { value: "IN_PROCESS", count: "inProcess" },
  { value: "WORKED", count: "worked" },
  { value: "TO_MANAGE", count: "toManage" },
  { value: "CLOSED", count: "closed" },
];

/**
 * The four order trays as tabs, each with its count under the other filters. A click
 * moves the tab and asks for the tray at once (no filter debounce); until its rows are
 * there a bar runs and the previous tray's rows are greyed out, never shown as the new
 * tray's.
 */
export function TrayTabs() {
  const { filterValues, setFilters, displayedFilters, isFetching, isPlaceholderData } = useListContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { tray = "TO_MANAGE", ...others } = filterValues as { tray?: string } & Record<string, unknown>;
  const filter = toFilter(resourceMeta("orders"), others);
  const { data } = useQuery({
    queryKey: ["orderTrayCounts", filter],
    queryFn: () => request<{ orderTrayCounts: TrayCounts }>(TRAY_COUNTS, { filter }),
    // Another user's change (a lab confirming, a reviewer approving) moves the counts
    // without a reload.
    refetchInterval: TRAY_COUNTS_REFRESH_MS,
    refetchIntervalInBackground: false,
  });

  const switching = Boolean(isPlaceholderData);
  return (
    <>
      <Tabs
        value={tray}
        variant="scrollable"
        allowScrollButtonsMobile
        onChange={(_, value: string) => setFilters({ ...filterValues, tray: value }, displayedFilters, false)}
        sx={{ borderBottom: 1, borderColor: "divider" }}
      >
        {TRAYS.map(({ value, count }) => (
          <Tab
            key={value}
            value={value}
            data-testid={`tray-${value}`}
            label={`${translate(`clinigraph.enums.OrderTray.${value}`)} (${formatNumber(data?.orderTrayCounts[count], locale) || "…"})`}
          />
        ))}
      </Tabs>
      {/* the bar keeps its height so the rows do not jump when it goes */}
      <LinearProgress
        data-testid="tray-loading"
        sx={{ height: 3, visibility: isFetching ? "visible" : "hidden" }}
        aria-hidden={!isFetching}
      />
      {switching && <GlobalStyles styles={{ ".RaDatagrid-tbody": { opacity: 0.35, pointerEvents: "none" } }} />}
    </>
  );
}
