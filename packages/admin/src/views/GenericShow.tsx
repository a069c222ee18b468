import { Stack } from "@mui/material";
import { EditButton, Show, SimpleShowLayout, TopToolbar, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { TransitionBar } from "../transitions/TransitionBar";
import { renderField } from "./renderField";

const NOT_SHOWN = new Set(["availableTransitions", "version"]);

export function ShowActions({ meta }: { meta: ResourceMeta }) {
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        <TransitionBar meta={meta} />
        {meta.update && <EditButton />}
      </Stack>
    </TopToolbar>
  );
}

/** Fields of a show page: everything but bookkeeping and `fooId` beside its `foo` reference. */
export function shownFields(meta: ResourceMeta) {
  const references = new Set(meta.fields.filter((f) => f.kind === "reference").map((f) => `${f.name}Id`));
  return meta.fields.filter((f) => !NOT_SHOWN.has(f.name) && !references.has(f.name));
}

/** The generated fields of the record in context, for screens that add panels below them. */
export function MetaFields({ meta }: { meta: ResourceMeta }) {
  return <SimpleShowLayout>{shownFields(meta).map((f) => renderField(f, false, meta.name))}</SimpleShowLayout>;
}

export default function GenericShow() {
  const meta = resourceMeta(useResourceContext());
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
    </Show>
  );
}
