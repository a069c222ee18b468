import { Button } from "@mui/material";
import { useState } from "react";
import { useTranslate } from "react-admin";
import type { TransitionMeta } from "../resources/types";
import { eventNeeds, humanizeEvent, needsDialog } from "./eventRules";
import { TransitionDialog } from "./TransitionDialog";
import type { useRunTransition } from "./useRunTransition";

interface Props {
  event: string;
  recordLabel: string;
  transition: TransitionMeta;
  runner: ReturnType<typeof useRunTransition>;
  /** disabled while the page has unsaved edits the event would ignore */
  held?: boolean;
}

export function TransitionButton({ event, recordLabel, transition, runner, held = false }: Props) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const needs = eventNeeds(event, transition);
  const label = translate(`clinigraph.events.${event}`, { _: humanizeEvent(event) });

  return (
    <>
      <Button
        size="small"
        variant={needs.destructive ? "outlined" : "contained"}
        color={needs.destructive ? "error" : "primary"}
        disabled={runner.running || held}
        data-event={event}
        onClick={() => (needsDialog(needs) ? setOpen(true) : void runner.run(event, label))}
      >
        {label}
      </Button>
      {open && (
        <TransitionDialog
          open
          label={label}
          recordLabel={recordLabel}
          needs={needs}
          reasonCodes={transition.reasonCodes}
          reasonCodeSource={transition.reasonCodeSource ?? null}
          running={runner.running}
          onCancel={() => setOpen(false)}
          onConfirm={async (values) => {
            if (await runner.run(event, label, values)) setOpen(false);
          }}
        />
      )}
    </>
  );
}
