import { Box, Card, CardContent, CardHeader, Stack, Typography } from "@mui/material";
import { useLocaleState, useTranslate } from "react-admin";
import { ForwardArrow } from "../fields/ForwardArrow";
import { enumKey, formatDate, humanize } from "../fields/format";
import type { SavedEntry } from "./findingsQueries";

/** Fields whose saved values are calendar days, read in the reader's calendar. */
const DATE_FIELDS = new Set(["admissionDate"]);

/** A field's value in the history: items joined, each isolated (codes and numbers stay whole in RTL). */
function Value({ field, items }: { field: string; items: string[] }) {
  const [locale] = useLocaleState();
  if (items.length === 0)
    return (
      <Typography component="span" color="text.secondary">
        —
      </Typography>
    );
  return (
    <>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 && ", "}
          <bdi>{DATE_FIELDS.has(field) ? formatDate(item, locale, false) : item}</bdi>
        </span>
      ))}
    </>
  );
}

/**
 * Every save of the visitor's findings (探访录入), oldest first: who saved, when, whether the
 * save concluded the visit, and each field it changed as before → after.
 */
export function VisitEntries({ entries }: { entries: SavedEntry[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (entries.length === 0) return null;
  const label = (field: string) =>
    field === "liabilityLinks"
      ? translate("clinigraph.findings.links")
      : translate(`resources.visits.fields.${field}`, {
          _: translate(`clinigraph.fields.${field}`, { _: humanize(field) }),
        });
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="visit-entries">
      <CardHeader title={translate("clinigraph.findings.entries")} />
      <CardContent>
        <Stack spacing={1.5}>
          {entries.map((entry) => {
            const date = formatDate(entry.createdAt, locale, true);
            return (
              <Box
                key={entry.id}
                data-testid="visit-entry"
                sx={{ borderInlineStart: 3, borderColor: "secondary.main", paddingInlineStart: 1.5 }}
              >
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {entry.actorName
                    ? translate("clinigraph.findings.entry_by", { actor: entry.actorName, date })
                    : translate("clinigraph.findings.entry_at", { date })}
                </Typography>
                {entry.conclusion && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {translate("clinigraph.findings.entry_concluded", {
                      conclusion: translate(enumKey("VisitConclusion", entry.conclusion), {
                        _: humanize(entry.conclusion),
                      }),
                    })}
                  </Typography>
                )}
                {entry.changes.map((change) => (
                  <Typography key={change.field} variant="body2" data-testid={`entry-change-${change.field}`}>
                    {label(change.field)}: <Value field={change.field} items={change.before} /> <ForwardArrow />{" "}
                    <Value field={change.field} items={change.after} />
                  </Typography>
                ))}
              </Box>
            );
          })}
        </Stack>
      </CardContent>
    </Card>
  );
}
