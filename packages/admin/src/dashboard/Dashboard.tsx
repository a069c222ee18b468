import { Stack } from "@mui/material";
import { Title, usePermissions, useTranslate } from "react-admin";
import { canSee } from "../layout/access";
import { MonthlyCharts } from "./MonthlyCharts";
import { TodayCollections } from "./TodayCollections";

/** Monthly statistics and today's collections; a visitor, who has neither, gets a greeting. */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const full = canSee(permissions, "dashboard");
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.menu.dashboard")} />
      {full && <MonthlyCharts />}
      {full && <TodayCollections />}
    </Stack>
  );
}
