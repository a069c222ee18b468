import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
} from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import { enumKey } from "../fields/format";

const CONCLUSIONS = ["COMPLETED", "NO_LIABILITY"] as const;

/** 探访结论: 探访完毕 (needs a liability link and a bank account) or 无赔付责任; either goes to review. */
export function ConcludeDialog({
  running,
  onCancel,
  onConfirm,
}: {
  running: boolean;
  onCancel(): void;
  onConfirm(conclusion: string): void;
}) {
  const translate = useTranslate();
  const [conclusion, setConclusion] = useState<string>("");
  return (
    <Dialog open onClose={running ? undefined : onCancel} fullWidth maxWidth="sm" data-testid="conclude-dialog">
      <DialogTitle>{translate("clinigraph.findings.conclude_title")}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate("clinigraph.findings.conclude_hint")}</DialogContentText>
        <RadioGroup value={conclusion} onChange={(e) => setConclusion(e.target.value)}>
          {CONCLUSIONS.map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio />}
              label={translate(enumKey("VisitConclusion", value))}
              data-conclusion={value}
            />
          ))}
        </RadioGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={running}>
          {translate("ra.action.cancel")}
        </Button>
        <Button
          variant="contained"
          disabled={running || !conclusion}
          onClick={() => onConfirm(conclusion)}
          data-testid="confirm-conclusion"
        >
          {translate("clinigraph.findings.conclude")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
