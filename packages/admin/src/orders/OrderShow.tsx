import { Grid, Stack } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Show, usePermissions, useRecordContext } from "react-admin";
import { request } from "../data/api";
import { seesReportInbox } from "../layout/access";
import { resourceMeta } from "../resources/registry";
import { MetaFields, ShowActions } from "../views/GenericShow";
import { ORDER_DETAIL, type OrderDetail } from "./queries";
import { AttachReportButton } from "./AttachReportButton";
import { MarkReportsRead } from "./MarkReportsRead";
import { ReportsPanel } from "./ReportsPanel";
import { StatusTimeline } from "./StatusTimeline";

/** States in which the API takes a report (a FINAL correction only when REJECTED; SPEC §3 orders). */
const REPORT_STATES = ["IN_EVALUATION", "REJECTED"];

function OrderPanels() {
  const record = useRecordContext();
  // keyed on the version so a transition (which bumps it) reloads reports and history
  const { data } = useQuery({
    queryKey: ["orderDetail", record?.id, record?.version],
    queryFn: () => request<{ order: OrderDetail | null }>(ORDER_DETAIL, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  const { permissions } = usePermissions<string[]>();
  const order = data?.order;
  if (!order) return null;
  // operators file a provider's report received by mail or fax, while the API takes reports
  const operator = seesReportInbox(permissions);
  const files = operator && REPORT_STATES.includes(String(record?.status));
  const unread = order.reports.filter((r) => r.acknowledgedAt === null).length;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {files && <AttachReportButton />}
      {operator && <MarkReportsRead orderId={order.id} unread={unread} />}
      <ReportsPanel reports={order.reports} />
      <StatusTimeline history={order.history} statusEnum="OrderStatus" />
    </Stack>
  );
}

/** The order with its transitions, its reports and its status history. */
export default function OrderShow() {
  const meta = resourceMeta("orders");
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <Grid container>
        <Grid size={{ xs: 12, lg: 5 }}>
          <MetaFields meta={meta} />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <OrderPanels />
        </Grid>
      </Grid>
    </Show>
  );
}
