import { Skeleton, Stack } from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { Title, usePermissions, useTranslate } from "react-admin";
import { seesCollections, seesOwnVisits, seesStatistics } from "../layout/access";
import { VisitorHome } from "../visits";
import { ChartsSkeleton } from "./ChartsSkeleton";
import { loadDashboardFigures } from "./figures";
import { partnerOf, PortalHome } from "../portal";
import { SupervisionRanking } from "./SupervisionRanking";
import { BranchFigures } from "./BranchFigures";
import { TodayCollections } from "./TodayCollections";

// recharts is most of the dashboard's code: its own chunk, fetched while the figures load
const loadCharts = () => import("./Charts");
const MonthlyCharts = lazy(loadCharts);

/**
 * Monthly statistics, the supervision ranking and, for the roles that handle money, today's
 * collections; a visitor gets their visits of the day instead. The figures of every card
 * arrive in one request (figures.ts); until then each card holds its place.
 */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions, isPending: rolesPending } = usePermissions();
  const client = useQueryClient();
  const full = seesStatistics(permissions);
  const shown = { statistics: full, collections: full && seesCollections(permissions) };
  const figures = useQuery({
    queryKey: ["dashboardFigures", shown],
    queryFn: () => loadDashboardFigures(client, shown),
    enabled: !rolesPending && !partnerOf(permissions),
    staleTime: 60_000,
  });
  // a failed batch lets each card ask (and show its error) by itself
  const ready = figures.isSuccess || figures.isError;
  useEffect(() => {
    if (full) void loadCharts();
  }, [full]);
  if (partnerOf(permissions)) return <PortalHome />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.menu.dashboard")} />
      {seesOwnVisits(permissions) && <VisitorHome />}
      {full &&
        (ready ? (
          <Suspense fallback={<ChartsSkeleton />}>
            <MonthlyCharts />
          </Suspense>
        ) : (
          <ChartsSkeleton />
        ))}
      {full && (ready ? <SupervisionRanking /> : <Skeleton variant="rounded" height={260} />)}
      {full && ready && <BranchFigures />}
      {shown.collections && (ready ? <TodayCollections /> : <Skeleton variant="rounded" height={160} />)}
    </Stack>
  );
}
