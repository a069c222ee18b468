import { Stack } from "@mui/material";
import { Title, usePermissions, useTranslate } from "react-admin";
import { seesCollections, seesOwnVisits, seesStatistics } from "../layout/access";
import { VisitorHome } from "../visits";
import { partnerOf, PortalHome } from "../portal";
import { MonthlyCharts } from "./MonthlyCharts";
import { SupervisionRanking } from "./SupervisionRanking";
import { BranchFigures } from "./BranchFigures";
import { TodayCollections } from "./TodayCollections";

/**
 * Monthly statistics, the supervision ranking and, for the roles that handle money, today's
 * collections; a visitor gets their visits of the day instead.
 */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const full = seesStatistics(permissions);
  if (partnerOf(permissions)) return <PortalHome />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.menu.dashboard")} />
      {seesOwnVisits(permissions) && <VisitorHome />}
      {full && <MonthlyCharts />}
      {full && <SupervisionRanking />}
      {full && <BranchFigures />}
      {full && seesCollections(permissions) && <TodayCollections />}
    </Stack>
  );
}
