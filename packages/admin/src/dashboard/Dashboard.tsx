import { Stack } from "@mui/material";
import { Title, usePermissions, useTranslate } from "react-admin";
import { canSee, seesCollections } from "../layout/access";
import { MonthlyCharts } from "./MonthlyCharts";
import { SupervisionRanking } from "./SupervisionRanking";
import { TodayCollections } from "./TodayCollections";

/** Monthly statistics, the supervision ranking and, for the roles that handle money, today's collections; a visitor gets neither. */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const full = canSee(permissions, "dashboard");
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.menu.dashboard")} />
      {full && <MonthlyCharts />}
      {full && <SupervisionRanking />}
      {full && seesCollections(permissions) && <TodayCollections />}
    </Stack>
  );
}
