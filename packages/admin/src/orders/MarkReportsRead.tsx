import DoneAllIcon from "@mui/icons-material/DoneAll";
import { Button } from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { request } from "../data/api";
import { ACKNOWLEDGE_REPORTS } from "./queries";
import { REPORT_INBOX_KEY } from "./ReportInboxBadge";

/** Marks the order's arrived reports read: they leave the app bar's count and the next digests. */
export function MarkReportsRead({ orderId, unread }: { orderId: string; unread: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (unread === 0) return null;
  const mark = async () => {
    setBusy(true);
    try {
      const { acknowledgeOrderReports: answer } = await request<{
        acknowledgeOrderReports: { userErrors: { message: string }[] };
      }>(ACKNOWLEDGE_REPORTS, { input: { orderId } });
      if (answer.userErrors.length) {
        notify(answer.userErrors.map((e) => e.message).join(" "), { type: "error" });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: REPORT_INBOX_KEY });
      await queryClient.invalidateQueries({ queryKey: ["orderDetail", orderId] });
      notify(translate("clinigraph.report_inbox.marked"), { type: "success" });
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      startIcon={<DoneAllIcon />}
      variant="outlined"
      disabled={busy}
      onClick={() => void mark()}
      data-testid="mark-reports-read"
      sx={{ alignSelf: "flex-start" }}
    >
      {translate("clinigraph.report_inbox.mark_read", { smart_count: unread })}
    </Button>
  );
}
