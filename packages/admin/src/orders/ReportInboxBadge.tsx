import MarkEmailUnreadIcon from "@mui/icons-material/MarkEmailUnread";
import { Badge, IconButton, Tooltip } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useLocaleState, usePermissions, useTranslate } from "react-admin";
import { Link } from "react-router-dom";
import { request } from "../data/api";
import { formatNumber } from "../fields/format";
import { seesReportInbox } from "../layout/access";

export const REPORT_INBOX = `query ReportInbox { reportInbox { awaiting orders oldestAt } }`;
export const REPORT_INBOX_KEY = ["reportInbox"];
/**
 * The order trays narrowed to orders with reports awaiting the operator
 * (OrderFilter.reportsAwaiting): each tray tab counts those, so finals sit in "to manage"
 * and preliminaries in "worked".
 */
export const INBOX_TRAY = `/orders?filter=${encodeURIComponent(JSON.stringify({ reportsAwaiting: true }))}`;
/** A new report shows within a minute without a reload; the API counts it with one indexed query. */
const POLL_MS = 60_000;

/** The app bar's count of arrived reports nobody at the operator has read yet, linking to those orders. */
export function ReportInboxBadge() {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const enabled = seesReportInbox(permissions);
  const { data } = useQuery({
    queryKey: REPORT_INBOX_KEY,
    queryFn: () => request<{ reportInbox: { awaiting: number; orders: number } }>(REPORT_INBOX),
    refetchInterval: POLL_MS,
    enabled,
  });
  if (!enabled || !data) return null;
  const { awaiting, orders } = data.reportInbox;
  const label = translate("clinigraph.report_inbox.badge", { smart_count: awaiting, orders });
  return (
    <Tooltip title={label}>
      <IconButton
        component={Link}
        to={INBOX_TRAY}
        color="inherit"
        aria-label={label}
        data-testid="report-inbox-badge"
        data-count={awaiting}
      >
        <Badge badgeContent={formatNumber(awaiting, locale)} color="error" invisible={awaiting === 0}>
          <MarkEmailUnreadIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
