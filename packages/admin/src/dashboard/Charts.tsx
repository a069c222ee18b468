import { Grid, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useTheme } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
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
import { formatMonth, formatNumber } from "../fields/format";
import { ChartCard } from "./ChartCard";
import { FIGURES_FRESH_MS } from "./figures";
import { MONTHLY, byMonth, onTimeRate, type MonthlyRow } from "./statistics";

/** Series of the orders chart: the five organisations with the most orders and one for the rest. */
const ORDER_SERIES = 6;
const COLORS = ["#1976d2", "#9c27b0", "#2e7d32", "#ed6c02", "#0288d1", "#d32f2f", "#6d4c41", "#455a64"];

/**
 * Turnaround hours as a figure, not a float's digits: whole hours from 10 up, two
 * significant digits below (a fresh region's minutes-long turnarounds must not all read "0").
 */
const hours = (value: unknown, locale: string) => {
  if (typeof value !== "number") return String(value ?? "");
  const figure = Math.abs(value) >= 10 ? Math.round(value) : Number(value.toPrecision(2));
  return formatNumber(figure, locale, { style: "unit", unit: "hour", unitDisplay: "narrow" });
};

/**
 * Orders per organisation and month, the claims' on-time rate and the order turnaround.
 * Drawn without recharts' entry animation: the figures are the point, and the animation
 * held the first bar back by a few hundred milliseconds on a busy machine.
 */
export default function MonthlyCharts() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // right to left, time runs leftwards and the value axis stands on the right
  const rtl = useTheme().direction === "rtl";
  const month = (value: unknown) => formatMonth(String(value), locale);
  const count = (value: unknown) => formatNumber(Number(value), locale);
  const percent = (value: unknown) => formatNumber(Number(value), locale, { style: "unit", unit: "percent" });
  const hour = (value: unknown) => hours(value, locale);
  const xAxis = { dataKey: "month", tickFormatter: month, reversed: rtl } as const;
  const yAxis = { orientation: rtl ? "right" : "left" } as const;
  const { data, isPending } = useQuery({
    queryKey: ["monthlyStatistics"],
    queryFn: () => request<{ monthlyStatistics: { nodes: MonthlyRow[] } }>(MONTHLY, {}),
    staleTime: FIGURES_FRESH_MS,
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
              <XAxis {...xAxis} />
              <YAxis {...yAxis} allowDecimals={false} tickFormatter={count} />
              <Tooltip labelFormatter={month} formatter={count} />
              <Legend />
              {orders.series.map((name, i) => (
                <Bar
                  key={name}
                  dataKey={name}
                  stackId="orders"
                  fill={COLORS[i % COLORS.length]}
                  isAnimationActive={false}
                />
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
              <XAxis {...xAxis} />
              <YAxis {...yAxis} domain={[0, 100]} tickFormatter={percent} />
              <Tooltip labelFormatter={month} formatter={percent} />
              <Line
                type="monotone"
                dataKey="rate"
                name={translate("clinigraph.dashboard.on_time")}
                stroke={COLORS[2]}
                connectNulls
                isAnimationActive={false}
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
              <XAxis {...xAxis} />
              {/* At least 0–1 h: a region whose orders turn around in seconds shows points at 0, not
                  an axis of 0.0001 h steps. */}
              <YAxis
                {...yAxis}
                tickFormatter={hour}
                width={56}
                domain={[0, (max: number) => Math.max(1, Math.ceil(max))]}
              />
              <Tooltip labelFormatter={month} formatter={hour} />
              {turnaround.series.map((name, i) => (
                <Line
                  key={name}
                  type="monotone"
                  dataKey={name}
                  stroke={COLORS[i % COLORS.length]}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>
      </Grid>
    </Grid>
  );
}
