import { Box, Card, CardContent, Typography } from "@mui/material";
import { Labeled, useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { FieldLabel } from "../fields/FieldLabel";
import { humanize } from "../fields/format";
import type { ResourceMeta } from "../resources/types";
import { renderPath } from "./renderField";

/** Whether a record has something to show at a layout path (`case.patient` follows `caseId`). */
export function hasValue(record: RaRecord, meta: ResourceMeta, path: string): boolean {
  const head = path.split(".")[0];
  const field = meta.fields.find((f) => f.name === head);
  const value = field?.kind === "reference" ? record[`${head}Id`] : record[head];
  if (value === null || value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value).some((v) => v !== null && v !== undefined && v !== "");
  return true;
}

/**
 * A show page as the layout file declares it: titled sections in order, each holding its
 * fields that have a value; a section with none is left out.
 */
export function ShowSections({ meta }: { meta: ResourceMeta }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box
      sx={{
        display: "grid",
        gap: 2,
        p: 2,
        gridTemplateColumns: { xs: "1fr", md: "repeat(auto-fill, minmax(320px, 1fr))" },
      }}
    >
      {meta.sections.map((section) => {
        const shown = section.fields.filter((path) => hasValue(record, meta, path));
        if (!shown.length) return null;
        return (
          <Card key={section.key} variant="outlined" data-testid={`section-${section.key}`}>
            <CardContent>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
                {translate(`clinigraph.sections.${section.key}`, { _: humanize(section.key) })}
              </Typography>
              <Box sx={{ display: "grid", gap: 1.5 }}>
                {shown.map((path) => (
                  <Labeled
                    key={path}
                    label={<FieldLabel resource={meta.name} name={path.slice(path.lastIndexOf(".") + 1)} />}
                  >
                    {renderPath(meta, path, false) ?? <span />}
                  </Labeled>
                ))}
              </Box>
            </CardContent>
          </Card>
        );
      })}
    </Box>
  );
}
