import { Stack } from "@mui/material";
import { EditButton, Show, SimpleShowLayout, TopToolbar, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import type { ResourceMeta } from "../resources/types";
import { TransitionBar } from "../transitions/TransitionBar";
import { renderField } from "./renderField";

const NOT_SHOWN = new Set(["availableTransitions", "version"]);

function ShowActions({ meta }: { meta: ResourceMeta }) {
  return (
    <TopToolbar>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        <TransitionBar meta={meta} />
        {meta.update && <EditButton />}
      </Stack>
    </TopToolbar>
  );
}

export default function GenericShow() {
  const meta = resourceMeta(useResourceContext());
  return (
    <Show actions={<ShowActions meta={meta} />}>
      <SimpleShowLayout>
        {meta.fields.filter((f) => !NOT_SHOWN.has(f.name)).map((f) => renderField(f, false))}
      </SimpleShowLayout>
    </Show>
  );
}
