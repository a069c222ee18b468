import { Alert, AlertTitle, Button, Card, CardContent, Chip, Grid, Stack, Typography } from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useLocaleState, useNotify, useTranslate } from "react-admin";
import { Link, useParams } from "react-router-dom";
import { request } from "../data/api";
import { runMutation } from "../data/runMutation";
import { formatDate, humanize } from "../fields/format";
import { ReportsPanel } from "../orders/ReportsPanel";
import { StatusTimeline } from "../orders/StatusTimeline";
import type { Report, StatusChange } from "../orders/queries";
import { deadlineState } from "./access";
import { PORTAL_ORDER, TRANSITION_ORDER } from "./queries";
import { ReportComposer } from "./ReportComposer";

interface PortalOrderData {
  id: string;
  number: string;
  version: number;
  specialty: string;
  kind: string;
  status: string;
  confirmBy: string;
  dueAt: string;
  overdue: boolean;
  requestedCodes: string[];
  availableTransitions: string[];
  /** those whose guards pass now (a FINAL report attached before SUBMIT_FOR_REVIEW) */
  readyTransitions: string[];
  case: { id: string; number: string; scanKey: string } | null;
  rejection: { code: string; label: string; text: string; at: string } | null;
  reports: (Report & { serviceCode: string | null })[];
  history: StatusChange[];
}

/** The provider's own events, in the order the work goes (the operator's are never offered). */
const PROVIDER_EVENTS = ["CONFIRM", "START_EVALUATION", "SUBMIT_FOR_REVIEW", "RESUBMIT"];
const TAKES_REPORTS = ["IN_EVALUATION", "REJECTED"];

/** One order as its provider works it: confirm, evaluate, attach reports, submit, resubmit. */
export default function PortalOrder() {
  const { id = "" } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const { data, isPending, refetch } = useQuery({
    queryKey: ["portalOrder", id],
    queryFn: () => request<{ order: PortalOrderData | null }>(PORTAL_ORDER, { id }),
  });
  const order = data?.order;
  if (isPending) return null;
  if (!order)
    return (
      <Alert severity="warning" sx={{ mt: 2 }} data-testid="portal-not-found">
        {translate("clinigraph.portal.not_found")}
      </Alert>
    );

  const reload = async () => {
    await refetch();
    await queryClient.invalidateQueries({ queryKey: ["portalTrayCounts"] });
    await queryClient.invalidateQueries({ queryKey: ["portalTray"] });
  };
  async function fire(event: string) {
    if (!order) return;
    setRunning(true);
    try {
      await runMutation(TRANSITION_ORDER, "transitionOrder", {
        id: order.id,
        event,
        expectedVersion: order.version,
      });
      notify("clinigraph.transitions.success", {
        type: "success",
        messageArgs: { event: translate(`clinigraph.events.${event}`) },
      });
      await reload();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      notify(message, { type: "error", messageArgs: { _: message } });
    } finally {
      setRunning(false);
    }
  }
  // the machine's guards say what can be done now; an event still waiting on one is said, not offered
  const events = PROVIDER_EVENTS.filter((e) => order.readyTransitions.includes(e));
  const waiting = PROVIDER_EVENTS.filter(
    (e) => order.availableTransitions.includes(e) && !order.readyTransitions.includes(e),
  );
  const deadline = order.status === "ISSUED" ? order.confirmBy : order.dueAt;
  const late = order.overdue || deadlineState(deadline) === "late";

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={`${translate("resources.orders.name", { smart_count: 1 })} ${order.number}`} />
      <Typography variant="body2">
        <Link to="/portal/orders">{translate("clinigraph.portal.back_to_trays")}</Link>
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card variant="outlined">
            <CardContent>
              <Stack spacing={1}>
                <Typography variant="h6" data-testid="portal-order-number">
                  {order.number}
                </Typography>
                <Chip
                  data-testid="portal-order-status"
                  data-status={order.status}
                  label={translate(`clinigraph.enums.OrderStatus.${order.status}`, { _: humanize(order.status) })}
                  sx={{ alignSelf: "start" }}
                />
                <Typography>
                  {translate("clinigraph.fields.specialty")}:{" "}
                  {translate(`clinigraph.specialties.${order.specialty}`, { _: humanize(order.specialty) })}
                </Typography>
                <Typography>
                  {translate("clinigraph.fields.case")}: {order.case?.number ?? "—"}
                </Typography>
                <Typography>
                  {translate("clinigraph.portal.services")}: {order.requestedCodes.join(", ") || "—"}
                </Typography>
                <Typography color={late ? "error" : undefined} data-testid="portal-order-deadline">
                  {translate(`clinigraph.portal.deadline_${order.status === "ISSUED" ? "confirm" : "report"}`, {
                    date: formatDate(deadline, locale, true),
                  })}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
                  {events.map((event) => (
                    <Button
                      key={event}
                      variant="contained"
                      disabled={running}
                      data-testid={`portal-event-${event}`}
                      onClick={() => void fire(event)}
                    >
                      {translate(`clinigraph.events.${event}`)}
                    </Button>
                  ))}
                </Stack>
                {waiting.map((event) => (
                  <Typography
                    key={event}
                    variant="body2"
                    color="text.secondary"
                    data-testid={`portal-waiting-${event}`}
                  >
                    {translate(`clinigraph.portal.waiting.${event}`)}
                  </Typography>
                ))}
              </Stack>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            {order.status === "REJECTED" && order.rejection && (
              <Alert severity="error" data-testid="portal-rejection">
                <AlertTitle>{translate("clinigraph.portal.rejected", { reason: order.rejection.label })}</AlertTitle>
                <bdi>{order.rejection.text}</bdi>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {translate("clinigraph.portal.resubmit_hint")}
                </Typography>
              </Alert>
            )}
            {TAKES_REPORTS.includes(order.status) && (
              <ReportComposer
                key={order.version + order.reports.length}
                order={order}
                onAttached={() => void reload()}
              />
            )}
            <ReportsPanel reports={order.reports} />
            <StatusTimeline history={order.history} statusEnum="OrderStatus" />
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}
