import { useState } from "react";
import { Button, Dialog, DialogContent, DialogContentText, DialogTitle, Stack } from "@mui/material";
import { useNotify, useTranslate } from "react-admin";
import { tokenStore } from "../auth/tokenStore";
import { chooseBranch } from "./chooseBranch";

/**
 * 机构选择: a member of several branches chooses one after login. Until then the API shows
 * them no branch's rows, so the choice comes first and cannot be dismissed.
 */
export function BranchChooser() {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const { branchChoiceRequired, branches = [] } = tokenStore.branches();
  if (!branchChoiceRequired || branches.length === 0) return null;
  const choose = (id: string) => {
    setBusy(id);
    chooseBranch(id).catch((err: Error) => {
      setBusy(null);
      notify(err.message, { type: "error" });
    });
  };
  return (
    <Dialog open aria-labelledby="branch-chooser-title" data-testid="branch-chooser">
      <DialogTitle id="branch-chooser-title">{translate("clinigraph.branches.chooser_title")}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate("clinigraph.branches.chooser_hint")}</DialogContentText>
        <Stack spacing={1}>
          {branches.map((b) => (
            <Button
              key={b.id}
              variant="outlined"
              disabled={busy !== null}
              onClick={() => choose(b.id)}
              data-testid={`choose-branch-${b.code}`}
            >
              <bdi>{b.name}</bdi>
            </Button>
          ))}
        </Stack>
      </DialogContent>
    </Dialog>
  );
}
