import { Stack } from "@mui/material";
import { EditButton, Show, TopToolbar, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { TransitionBar } from "../transitions/TransitionBar";
import { ShowSections } from "./ShowSections";

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

/** The record in context in its layout's sections, for screens that add panels beside them. */
export function MetaFields({ meta }: { meta: ResourceMeta }) {
  return <ShowSections meta={meta} />;
}

export default function GenericShow() {
  const meta = resourceMeta(useResourceContext());
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <MetaFields meta={meta} />
    </Show>
  );
}
