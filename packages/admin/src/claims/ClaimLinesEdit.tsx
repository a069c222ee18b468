import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Form,
  SaveButton,
  useGetOne,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { request } from "../data/api";
import { runMutation } from "../data/runMutation";
import { partnerOf } from "../portal/access";
import { ClaimCheckPanel, useClaimCheck } from "./ClaimCheckPanel";
import { ClaimLinesInput } from "./ClaimLinesInput";
import { lineInputs, serviceKey, type ClaimDraft, type DraftLine } from "./claimDraft";
import { CLAIM_LINES_FOR_EDIT, type EditableLine } from "./queries";

const SET_LINES = `mutation SetClaimLines($input: SetClaimLinesInput!) {
  setClaimLines(input: $input) { claim { id version } userErrors { code field message } }
}`;

/** States in which the API replaces a claim's lines (SPEC §3 claims: the agency corrects a return). */
const EDITABLE = ["DRAFT", "RETURNED"];
const EDITORS = ["OPERATOR", "ADMIN"];
/** Partner kinds the API lets correct their own claims' lines (setClaimLines). */
const PARTNER_EDITORS = ["AGENCY", "CLINIC", "HOSPITAL"];

/** A stored line as the form edits it: the schedule's price stays implicit unless it was overridden. */
function draftLine(line: EditableLine): DraftLine {
  const overridden = line.scheduleUnitPrice !== null && line.unitPrice !== line.scheduleUnitPrice;
  return {
    service: serviceKey(line.serviceSystem, line.serviceCode),
    quantity: line.quantity,
    unitPrice: overridden ? line.unitPrice : undefined,
  };
}

function LinesForm({ claim, onDone }: { claim: RaRecord; onDone(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { data: kase } = useGetOne("cases", { id: String(claim.caseId) });
  const lines = useWatch({ name: "lines" }) as DraftLine[] | undefined;
  const draft: ClaimDraft = {
    caseId: String(claim.caseId),
    patientId: kase?.patientId as string | undefined,
    policyId: String(claim.policyId),
    liabilityId: String(claim.liabilityId),
    providerId: claim.providerId ? String(claim.providerId) : undefined,
    lines,
  };
  const { checked, current, running, checkable, runCheck } = useClaimCheck(draft);

  async function save() {
    try {
      await runMutation(SET_LINES, "setClaimLines", {
        id: claim.id,
        expectedVersion: claim.version,
        lines: lineInputs(lines),
      });
      notify("clinigraph.workflows.lines_saved", { type: "success" });
      onDone();
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    }
  }

  return (
    <>
      <DialogContent>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <ClaimLinesInput />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <ClaimCheckPanel
              check={checked?.result ?? null}
              current={current}
              checkable={checkable}
              running={running}
              onCheck={runCheck}
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone}>{translate("ra.action.cancel")}</Button>
        <SaveButton type="button" disabled={!current} alwaysEnable={current} onClick={() => void save()} />
      </DialogActions>
    </>
  );
}

/**
 * setClaimLines from the console: the operator corrects the lines of a DRAFT or RETURNED
 * claim it registered for a partner, with eligibility and the estimate checked again first.
 */
export function ClaimLinesEditButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string[]>();
  const [open, setOpen] = useState(false);
  const partner = partnerOf(permissions);
  const editable =
    record &&
    EDITABLE.includes(String(record.status)) &&
    (partner ? PARTNER_EDITORS.includes(partner.kind) : (permissions ?? []).some((r) => EDITORS.includes(r)));
  const { data } = useQuery({
    queryKey: ["claimLinesForEdit", record?.id, record?.version],
    queryFn: () => request<{ claim: { lines: EditableLine[] } | null }>(CLAIM_LINES_FOR_EDIT, { id: record?.id }),
    enabled: Boolean(open && record?.id),
  });
  if (!editable || !record) return null;
  const done = () => {
    setOpen(false);
    refresh();
  };
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="edit-claim-lines">
        {translate("clinigraph.workflows.edit_lines")}
      </Button>
      {open && data?.claim && (
        <Dialog open onClose={done} fullWidth maxWidth="lg">
          <DialogTitle>{translate("clinigraph.workflows.edit_lines")}</DialogTitle>
          <Form defaultValues={{ lines: data.claim.lines.map(draftLine) }}>
            <LinesForm claim={record} onDone={done} />
          </Form>
        </Dialog>
      )}
    </>
  );
}
