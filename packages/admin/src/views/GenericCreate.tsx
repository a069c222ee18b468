import { Create, SimpleForm, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { renderInput } from "./renderInput";

export default function GenericCreate() {
  const meta = resourceMeta(useResourceContext());
  return (
    <Create redirect="show">
      <SimpleForm>{(meta.create?.fields ?? []).map((f) => renderInput(f))}</SimpleForm>
    </Create>
  );
}
