import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLocaleState, useNotify, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import type { UserError } from "../data/graphqlClient";
import { userErrorsToHttpError } from "../data/userErrors";
import { useUnsavedEdits } from "../transitions/unsavedEdits";
import { formatMoney } from "../fields/format";
import { ClaimTotals } from "./ClaimTotals";
import {
  CLAIM_LINES,
  SET_APPROVED_AMOUNTS,
  changedLines,
  editedGross,
  sumDecimals,
  type ClaimLine,
  type ClaimTotalsData,
  type LineEdit,
} from "./queries";

/**
 * The claim's lines; while IN_REVIEW the reviewer lowers approved amounts line
 * by line (each with a reason) and saves them; the API recomputes the totals. `readOnly`
 * for a partner's own claim, which it never reviews.
 */
export function ClaimLinesReview({ readOnly = false }: { readOnly?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Record<string, LineEdit>>({});
  const [saving, setSaving] = useState(false);
  const { setHint } = useUnsavedEdits();
  const { data } = useQuery({
    queryKey: ["claimLines", record?.id, record?.version],
    queryFn: () =>
      request<{ claim: (ClaimTotalsData & { lines: ClaimLine[] }) | null }>(CLAIM_LINES, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  const lines = data?.claim?.lines ?? [];
  // unsaved: a changed amount, or an edit that cannot be saved yet (no reason, not a number)
  const pendingLines = changedLines(lines, edits);
  const unsaved = pendingLines === null || pendingLines.length > 0;
  useEffect(() => {
    setHint(unsaved ? "clinigraph.claims.unsaved_lines" : null);
  }, [unsaved, setHint]);
  useEffect(() => () => setHint(null), [setHint]);
  if (!record || !data?.claim) return null;
  const { currency } = data.claim;
  const editable = !readOnly && record.status === "IN_REVIEW";
  const pending = pendingLines;
  const dirty = Object.keys(edits).length > 0;

  const edit = (line: ClaimLine, patch: Partial<LineEdit>) =>
    setEdits((all) => ({
      ...all,
      [line.id]: {
        approvedAmount: all[line.id]?.approvedAmount ?? line.approvedAmount ?? line.amount,
        reason: all[line.id]?.reason ?? "",
        ...patch,
      },
    }));

  async function save() {
    if (!pending?.length || !record) return;
    setSaving(true);
    try {
      const result = await request<{ setApprovedAmounts: { userErrors: UserError[] } }>(SET_APPROVED_AMOUNTS, {
        input: { id: record.id, expectedVersion: record.version, lines: pending },
      });
      if (result.setApprovedAmounts.userErrors.length)
        throw userErrorsToHttpError(result.setApprovedAmounts.userErrors);
      // wait for the record's new version before the edits go, so APPROVE is not sent with a stale one
      await queryClient.refetchQueries({ queryKey: ["claims", "getOne"] });
      setEdits({});
      notify("clinigraph.claims.amounts_saved", { type: "success" });
    } catch (error) {
      notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="claim-lines">
      <CardHeader
        title={translate("clinigraph.claims.lines")}
        action={
          editable && (
            <Stack direction="row" spacing={1}>
              <Button disabled={saving || !dirty} onClick={() => setEdits({})} data-testid="discard-approved">
                {translate("clinigraph.claims.discard")}
              </Button>
              <Button
                variant="contained"
                disabled={saving || !dirty || !pending?.length}
                onClick={save}
                data-testid="save-approved"
              >
                {translate("clinigraph.claims.save_amounts")}
              </Button>
            </Stack>
          )
        }
      />
      <CardContent
        sx={{
          display: "grid",
          gap: 2,
          alignItems: "start",
          gridTemplateColumns: { xs: "1fr", md: "minmax(0, 1fr) 300px" },
        }}
      >
        <Box sx={{ overflowX: "auto" }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>{translate("clinigraph.claims.service")}</TableCell>
                <TableCell align="right">{translate("clinigraph.claims.quantity")}</TableCell>
                <TableCell align="right">{translate("clinigraph.claims.amount")}</TableCell>
                <TableCell align="right">{translate("clinigraph.claims.approved")}</TableCell>
                <TableCell>{translate("clinigraph.claims.reason")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6} data-testid="claim-lines-empty">
                    {translate("clinigraph.claims.no_lines")}
                  </TableCell>
                </TableRow>
              )}
              {lines.map((line) => (
                <TableRow key={line.id} data-line={line.position}>
                  {/* positions count from 0 in the API; people count lines from 1 */}
                  <TableCell>{line.position + 1}</TableCell>
                  <TableCell>
                    {line.serviceCode} · {line.description}
                  </TableCell>
                  <TableCell align="right">{line.quantity}</TableCell>
                  <TableCell align="right">{formatMoney(line.amount, currency, locale)}</TableCell>
                  <TableCell align="right">
                    {editable ? (
                      <TextField
                        size="small"
                        value={edits[line.id]?.approvedAmount ?? line.approvedAmount ?? line.amount}
                        onChange={(e) => edit(line, { approvedAmount: e.target.value })}
                        slotProps={{ htmlInput: { inputMode: "decimal", "data-testid": `approved-${line.position}` } }}
                        sx={{ width: 140 }}
                      />
                    ) : (
                      formatMoney(line.approvedAmount ?? line.amount, currency, locale)
                    )}
                  </TableCell>
                  <TableCell>
                    {editable && edits[line.id] ? (
                      <TextField
                        size="small"
                        required
                        value={edits[line.id].reason}
                        onChange={(e) => edit(line, { reason: e.target.value })}
                        slotProps={{ htmlInput: { "data-testid": `reason-${line.position}` } }}
                      />
                    ) : (
                      (line.adjustmentReason ?? "")
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        <ClaimTotals
          totals={data.claim}
          claimed={sumDecimals(lines.map((line) => line.amount))}
          edited={editedGross(lines, edits)}
          unsaved={unsaved}
        />
      </CardContent>
    </Card>
  );
}
