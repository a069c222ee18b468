import { Box, Card, CardContent, CardHeader, Stack, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { enumKey, formatDate, humanize } from "../fields/format";
import type { StatusChange } from "./queries";

/** Every status change of the record, oldest first, with who and why. */
export function StatusTimeline({ history, statusEnum }: { history: StatusChange[]; statusEnum: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = (value: string | null) =>
    value ? translate(enumKey(statusEnum, value), { _: humanize(value) }) : "—";
  return (
    <Card variant="outlined" data-testid="status-timeline">
      <CardHeader title={translate("clinigraph.orders.history")} />
      <CardContent>
        <Stack spacing={1.5}>
          {history.map((change) => (
            <Box key={change.id} sx={{ borderInlineStart: 3, borderColor: "primary.main", paddingInlineStart: 1.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {translate(`clinigraph.events.${change.event}`, { _: humanize(change.event) })}:{" "}
                {status(change.fromStatus)} → {status(change.toStatus)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDate(change.createdAt, locale, true)} · {change.actorKind}
              </Typography>
              {(change.reasonCode || change.reason) && (
                <Typography variant="body2">{[change.reasonCode, change.reason].filter(Boolean).join(": ")}</Typography>
              )}
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
