import { Box, Card, CardContent, CardHeader, Stack, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { enumKey, humanize } from "../fields/format";
import { historySentence } from "../sentences/history";
import type { StatusChange } from "./queries";

/** Every status change of the record, oldest first, as sentences: who did what, when, and why. */
export function StatusTimeline({ history, statusEnum }: { history: StatusChange[]; statusEnum: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = (value: string | null) =>
    value ? translate(enumKey(statusEnum, value), { _: humanize(value) }) : null;
  return (
    <Card variant="outlined" data-testid="status-timeline">
      <CardHeader title={translate("clinigraph.orders.history")} />
      <CardContent>
        <Stack spacing={1.5}>
          {history.map((change) => {
            const from = status(change.fromStatus);
            const to = status(change.toStatus);
            return (
              <Box
                key={change.id}
                data-testid="history-entry"
                sx={{ borderInlineStart: 3, borderColor: "primary.main", paddingInlineStart: 1.5 }}
              >
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {historySentence(change, translate, locale)}
                </Typography>
                {/* an event that keeps the status (a visit's findings saved again) has no move to tell */}
                {from !== to && (
                  <Typography variant="caption" color="text.secondary">
                    {from
                      ? translate("clinigraph.history.status_moved", { from, to })
                      : translate("clinigraph.history.status_now", { to })}
                  </Typography>
                )}
                {(change.reasonCode || change.reason) && (
                  <Typography variant="body2">
                    {[
                      // a claim returned for several reasons keeps their codes joined by commas
                      change.reasonCode
                        ?.split(",")
                        .map((code) => translate(`clinigraph.reasons.${code}`, { _: humanize(code) }))
                        .join(", "),
                      change.reason,
                    ]
                      .filter(Boolean)
                      .join(": ")}
                  </Typography>
                )}
              </Box>
            );
          })}
        </Stack>
      </CardContent>
    </Card>
  );
}
