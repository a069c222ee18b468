import AssignmentIndIcon from "@mui/icons-material/AssignmentInd";
import { useState } from "react";
import { Button, useListContext, useNotify, useRefresh, useUnselectAll } from "react-admin";
import { request } from "../data/api";
import { AssignDialog } from "./AssignDialog";
import { assignVisits } from "./assignVisits";

/** Assigns the selected pending visits of one hospital to a visitor, optionally by SMS. */
export function BulkAssignButton({ hospitalId }: { hospitalId: string }) {
  const { selectedIds, data = [] } = useListContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll("visits", "visitAssignment");
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);

  async function assign(visitorId: string, notifySms: boolean) {
    const selected = data.filter((record) => selectedIds.includes(record.id));
    setRunning(true);
    try {
      await assignVisits(request, {
        visitIds: selected.map((r) => String(r.id)),
        expectedVersions: selected.map((r) => Number(r.version)),
        visitorId,
        notifySms,
      });
      notify("clinigraph.visits.assigned", { type: "success", messageArgs: { smart_count: selected.length } });
      setOpen(false);
      unselectAll();
    } catch (error) {
      notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
    } finally {
      setRunning(false);
      refresh();
    }
  }

  return (
    <>
      <Button label="clinigraph.visits.assign" onClick={() => setOpen(true)} data-testid="bulk-assign">
        <AssignmentIndIcon />
      </Button>
      {open && (
        <AssignDialog
          hospitalId={hospitalId}
          count={selectedIds.length}
          running={running}
          onCancel={() => setOpen(false)}
          onConfirm={assign}
        />
      )}
    </>
  );
}
