import { Stack, Typography } from "@mui/material";
import type { ComponentType } from "react";
import { useRecordContext, useResourceContext, useTranslate } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { ReassignButton } from "../visits/ReassignButton";
import { TransitionButton } from "./TransitionButton";
import { useRunTransition } from "./useRunTransition";
import { useUnsavedEdits } from "./unsavedEdits";

/**
 * Events that carry data of their own, so the API takes them through their own mutation
 * (transitionVisit answers USE_DOMAIN_MUTATION): each opens its own dialog instead.
 */
const OWN_DIALOGS: Record<string, ComponentType<{ label: string; held: boolean }>> = {
  "visits.REASSIGN": ReassignButton,
};

/**
 * One button per event the API says the current principal may fire now
 * (`availableTransitions`), in the schema's event order. Renders nothing for
 * resources without a transition mutation. While a panel of the page holds unsaved
 * edits (useUnsavedEdits), every button is disabled and the hint says why.
 */
export function TransitionBar({ meta: given }: { meta?: ResourceMeta }) {
  const resource = useResourceContext();
  const meta = given ?? resourceMeta(resource);
  const record = useRecordContext();
  const runner = useRunTransition(meta.name, record);
  const translate = useTranslate();
  const { hint } = useUnsavedEdits();
  const transition = meta.transition;
  if (!record || !transition) return null;
  const available = new Set((record.availableTransitions as string[] | undefined) ?? []);
  // events with their own mutation (saveVisitFindings…) are offered by their own screen,
  // unless this bar opens their own dialog (OWN_DIALOGS)
  const events = transition.events.filter(
    (event) =>
      available.has(event) && (!transition.domainEvents?.[event] || Boolean(OWN_DIALOGS[`${meta.name}.${event}`])),
  );
  if (!events.length) return null;
  const recordLabel = String(record[meta.representation] ?? record.id);

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }} data-testid="transition-bar">
      {events.map((event) => {
        const Own = OWN_DIALOGS[`${meta.name}.${event}`];
        return Own ? (
          <Own key={event} label={translate(`clinigraph.events.${event}`, { _: event })} held={hint !== null} />
        ) : (
          <TransitionButton
            key={event}
            event={event}
            recordLabel={recordLabel}
            transition={transition}
            runner={runner}
            held={hint !== null}
          />
        );
      })}
      {hint && (
        <Typography variant="body2" color="warning.main" role="status" data-testid="transitions-held">
          {translate(hint)}
        </Typography>
      )}
    </Stack>
  );
}
