import {
  Card,
  Chip,
  LinearProgress,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Title, useLocaleState, useTranslate } from "react-admin";
import { useNavigate, useSearchParams } from "react-router-dom";
import { request } from "../data/api";
import { formatDate, formatNumber, humanize } from "../fields/format";
import { deadlineState, PROVIDER_TRAY_NAMES, PROVIDER_TRAYS, type ProviderTray } from "./access";
import { PROVIDER_TRAY_COUNTS, PROVIDER_TRAY_ORDERS, type TrayOrder } from "./queries";

const COLORS = { late: "error", near: "warning", ok: "default" } as const;

/** The deadline that matters now: confirming before confirmBy, then reporting before dueAt. */
function Deadline({ order }: { order: TrayOrder }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!["ISSUED", "CONFIRMED", "IN_EVALUATION", "REJECTED"].includes(order.status)) return null;
  const at = order.status === "ISSUED" ? order.confirmBy : order.dueAt;
  const state = order.overdue ? "late" : deadlineState(at);
  return (
    <Chip
      size="small"
      color={COLORS[state]}
      variant={state === "ok" ? "outlined" : "filled"}
      data-testid={`deadline-${state}`}
      label={translate(`clinigraph.portal.deadline_${order.status === "ISSUED" ? "confirm" : "report"}`, {
        date: formatDate(at, locale, true),
      })}
    />
  );
}

/** Mis peritajes: the provider's four trays with their counts, the nearest deadline first. */
export default function ProviderTrays() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tray = (PROVIDER_TRAY_NAMES as string[]).includes(params.get("tray") ?? "")
    ? (params.get("tray") as ProviderTray)
    : "REQUIRED";
  const counts = useQuery({
    queryKey: ["portalTrayCounts"],
    queryFn: () => request<Record<ProviderTray, { totalCount: number }>>(PROVIDER_TRAY_COUNTS),
  });
  const list = useQuery({
    queryKey: ["portalTray", tray],
    queryFn: () =>
      request<{ orders: { nodes: TrayOrder[] } }>(PROVIDER_TRAY_ORDERS, {
        filter: { status: PROVIDER_TRAYS[tray] },
        orderBy: { field: tray === "REQUIRED" ? "CONFIRM_BY" : "DUE_AT", direction: "ASC" },
      }),
  });
  const rows = list.data?.orders.nodes ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.portal.my_orders")} />
      <Tabs value={tray} variant="scrollable" onChange={(_, value: string) => setParams({ tray: value })}>
        {PROVIDER_TRAY_NAMES.map((name) => (
          <Tab
            key={name}
            value={name}
            data-testid={`portal-tray-${name}`}
            label={`${translate(`clinigraph.portal.trays.${name}`)} (${formatNumber(counts.data?.[name]?.totalCount, locale) || "…"})`}
          />
        ))}
      </Tabs>
      <LinearProgress sx={{ height: 3, visibility: list.isFetching ? "visible" : "hidden" }} />
      {rows.length === 0 && !list.isFetching && (
        <Typography sx={{ p: 2 }} data-testid="portal-tray-empty">
          {translate("clinigraph.portal.tray_empty")}
        </Typography>
      )}
      {rows.length > 0 && (
        <Table size="small" data-testid="portal-tray-rows">
          <TableHead>
            <TableRow>
              <TableCell>{translate("clinigraph.fields.number")}</TableCell>
              <TableCell>{translate("clinigraph.fields.specialty")}</TableCell>
              <TableCell>{translate("clinigraph.fields.case")}</TableCell>
              <TableCell>{translate("clinigraph.fields.status")}</TableCell>
              <TableCell>{translate("clinigraph.portal.deadline")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((order) => (
              <TableRow
                key={order.id}
                hover
                sx={{ cursor: "pointer" }}
                data-testid={`portal-order-${order.number}`}
                onClick={() => navigate(`/portal/orders/${order.id}`)}
              >
                <TableCell>{order.number}</TableCell>
                <TableCell>
                  {translate(`clinigraph.specialties.${order.specialty}`, { _: humanize(order.specialty) })}
                </TableCell>
                <TableCell>{order.case?.number ?? "—"}</TableCell>
                <TableCell>
                  {translate(`clinigraph.enums.OrderStatus.${order.status}`, { _: humanize(order.status) })}
                  {order.rejection && (
                    <Typography variant="caption" color="error" sx={{ display: "block" }}>
                      {order.rejection.label}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Deadline order={order} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
