import { Grid, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useTranslate } from "react-admin";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { request } from "../data/api";
import { ChartCard } from "./ChartCard";
import { MONTHLY, byMonth, onTimeRate, type MonthlyRow } from "./statistics";

/** Series of the orders chart: the five organisations with the most orders and one for the rest. */
const ORDER_SERIES = 6;
const COLORS = ["#1976d2", "#9c27b0", "#2e7d32", "#ed6c02", "#0288d1", "#d32f2f", "#6d4c41", "#455a64"];

/**
 * Turnaround hours as a figure, not a float's digits: whole hours from 10 up, two
 * significant digits below (a fresh region's minutes-long turnarounds must not all read "0").
 */
const hours = (value: unknown) => {
  if (typeof value !== "number") return String(value ?? "");
  return String(Math.abs(value) >= 10 ? Math.round(value) : Number(value.toPrecision(2)));
};

/** Orders per organisation and month, the claims' on-time rate and the order turnaround. */
export function MonthlyCharts() {
  const translate = useTranslate();
  const { data, isPending } = useQuery({
    queryKey: ["monthlyStatistics"],
    queryFn: () => request<{ monthlyStatistics: { nodes: MonthlyRow[] } }>(MONTHLY, {}),
  });
  const rows = data?.monthlyStatistics.nodes ?? [];
  if (!isPending && rows.length === 0) {
    return <Typography sx={{ p: 2 }}>{translate("clinigraph.dashboard.no_statistics")}</Typography>;
  }
  const orders = byMonth(rows, (r) => r.ordersIssued, {
    limit: ORDER_SERIES,
    otherLabel: translate("clinigraph.dashboard.other_organizations"),
  });
  const turnaround = byMonth(rows, (r) => r.turnaroundMedianHours);
  const rate = onTimeRate(rows);

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard title={translate("clinigraph.dashboard.orders_per_month")} testId="chart-orders">
          <ResponsiveContainer>
            <BarChart data={orders.data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {orders.series.map((name, i) => (
                <Bar key={name} dataKey={name} stackId="orders" fill={COLORS[i % COLORS.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 3 }}>
        <ChartCard title={translate("clinigraph.dashboard.on_time_rate")} testId="chart-on-time">
          <ResponsiveContainer>
            <LineChart data={rate}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis domain={[0, 100]} unit="%" />
              <Tooltip />
              <Line
                type="monotone"
                dataKey="rate"
                name={translate("clinigraph.dashboard.on_time")}
                stroke={COLORS[2]}
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6, lg: 3 }}>
        <ChartCard title={translate("clinigraph.dashboard.turnaround")} testId="chart-turnaround">
          <ResponsiveContainer>
            <LineChart data={turnaround.data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              {/* At least 0–1 h: a region whose orders turn around in seconds shows points at 0, not
                  an axis of 0.0001 h steps. */}
              <YAxis
                unit="h"
                tickFormatter={hours}
                width={56}
                domain={[0, (max: number) => Math.max(1, Math.ceil(max))]}
              />
              <Tooltip formatter={hours} />
              {turnaround.series.map((name, i) => (
                <Line key={name} type="monotone" dataKey={name} stroke={COLORS[i % COLORS.length]} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
    </Grid>
  );
}
