import { Stack } from "@mui/material";
import { useRecordContext, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { TransitionButton } from "./TransitionButton";
import { useRunTransition } from "./useRunTransition";

/**
 * One button per event the API says the current principal may fire now
 * (`availableTransitions`), in the schema's event order. Renders nothing for
 * resources without a transition mutation.
 */
export function TransitionBar({ meta: given }: { meta?: ResourceMeta }) {
  const resource = useResourceContext();
  const meta = given ?? resourceMeta(resource);
  const record = useRecordContext();
  const runner = useRunTransition(meta.name, record);
  const transition = meta.transition;
  if (!record || !transition) return null;
  const available = new Set((record.availableTransitions as string[] | undefined) ?? []);
  const events = transition.events.filter((event) => available.has(event));
  if (!events.length) return null;
  const recordLabel = String(record[meta.representation] ?? record.id);

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="transition-bar">
      {events.map((event) => (
        <TransitionButton key={event} event={event} recordLabel={recordLabel} transition={transition} runner={runner} />
      ))}
    </Stack>
  );
}
