import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@mui/material";
import { useState } from "react";
import { useLocaleState, useNotify, useTranslate } from "react-admin";
import { formatMoney } from "../fields/format";
import { checkDraft, draftFingerprint, isCheckable, type ClaimCheck, type ClaimDraft } from "./claimDraft";

/**
 * Eligibility and the estimate for a draft, remembered with what they were computed for:
 * `current` is false as soon as the form holds other values, so saving waits for a new check.
 */
export function useClaimCheck(draft: ClaimDraft) {
  const [checked, setChecked] = useState<{ fingerprint: string; result: ClaimCheck } | null>(null);
  const [running, setRunning] = useState(false);
  const notify = useNotify();
  const current = checked !== null && checked.fingerprint === draftFingerprint(draft);

  async function check() {
    setRunning(true);
    try {
      const today = new Date().toISOString().slice(0, 10);
      setChecked({ fingerprint: draftFingerprint(draft), result: await checkDraft(draft, today) });
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    } finally {
      setRunning(false);
    }
  }

  return { checked, current, running, checkable: isCheckable(draft), runCheck: () => void check() };
}

interface Props {
  check: ClaimCheck | null;
  /** the check was made for the values now in the form */
  current: boolean;
  checkable: boolean;
  running: boolean;
  onCheck(): void;
}

/** Eligibility and the insurer/patient split of the lines, shown before the claim is saved. */
export function ClaimCheckPanel({ check, current, checkable, running, onCheck }: Props) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const eligibility = check?.checkEligibility;
  const estimate = check?.estimateCost;
  const money = (amount: string) => formatMoney(amount, estimate?.currency, locale);
  return (
    <Card variant="outlined" data-testid="claim-check">
      <CardHeader title={translate("clinigraph.workflows.claim_check")} />
      <CardContent>
        <Stack spacing={2}>
          <Button variant="outlined" disabled={!checkable || running} onClick={onCheck} data-testid="claim-check-run">
            {translate("clinigraph.workflows.check_claim")}
          </Button>
          {!current && <Alert severity="info">{translate("clinigraph.workflows.check_first")}</Alert>}
          {current && eligibility && (
            <Alert severity={eligibility.eligible ? "success" : "warning"} data-testid="claim-eligibility">
              {translate(eligibility.eligible ? "clinigraph.workflows.eligible" : "clinigraph.workflows.not_eligible")}
              {eligibility.reasons.map((reason) => (
                <div key={reason.code}>{reason.message}</div>
              ))}
              {eligibility.inNetwork === false && <div>{translate("clinigraph.workflows.out_of_network")}</div>}
              {eligibility.preauthorizationRequired.length > 0 && (
                <div>
                  {translate("clinigraph.workflows.preauthorization", {
                    codes: eligibility.preauthorizationRequired.join(", "),
                  })}
                </div>
              )}
            </Alert>
          )}
          {current && estimate && (
            <Table size="small" data-testid="claim-estimate">
              <TableBody>
                {(["gross", "deductibleApplied", "covered", "patientShare", "payable"] as const).map((key) => (
                  <TableRow key={key}>
                    <TableCell>{translate(`resources.claims.fields.${key}`, { _: key })}</TableCell>
                    <TableCell align="right" data-testid={`estimate-${key}`}>
                      {money(estimate[key])}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
