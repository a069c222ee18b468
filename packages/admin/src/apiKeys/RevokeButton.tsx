import BlockIcon from "@mui/icons-material/Block";
import { useState } from "react";
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from "react-admin";
import { request } from "../data/api";
import { revokeApiKey } from "./mutations";

/** Revokes the key in context after a confirmation; only shown while the key is live. */
export function RevokeButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  if (!record || record.revokedAt) return null;

  async function revoke() {
    if (!record) return;
    setRunning(true);
    try {
      await revokeApiKey(request, String(record.id));
      notify("clinigraph.api_keys.revoked", { type: "success" });
    } catch (error) {
      notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
    } finally {
      setRunning(false);
      setOpen(false);
      refresh();
    }
  }

  return (
    <>
      <Button
        label="clinigraph.api_keys.revoke"
        color="error"
        disabled={running}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={running}
        title="clinigraph.api_keys.revoke_title"
        content="clinigraph.transitions.confirm_content"
        translateOptions={{ name: String(record.name) }}
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
