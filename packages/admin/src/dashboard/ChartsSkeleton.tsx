import { Grid, Skeleton } from "@mui/material";
import { useTranslate } from "react-admin";
import { ChartCard } from "./ChartCard";

/**
 * The three chart cards at their final size, titled, with a placeholder where each chart
 * goes: shown while the figures or the chart code load, so nothing below them moves when
 * the charts are drawn.
 */
export function ChartsSkeleton() {
  const translate = useTranslate();
  const card = (key: string, testId: string) => (
    <ChartCard title={translate(`clinigraph.dashboard.${key}`)} testId={`${testId}-loading`}>
      <Skeleton variant="rectangular" height="100%" data-testid="chart-skeleton" />
    </ChartCard>
  );
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>{card("orders_per_month", "chart-orders")}</Grid>
      <Grid size={{ xs: 12, md: 6, lg: 3 }}>{card("on_time_rate", "chart-on-time")}</Grid>
      <Grid size={{ xs: 12, md: 6, lg: 3 }}>{card("turnaround", "chart-turnaround")}</Grid>
    </Grid>
  );
}
