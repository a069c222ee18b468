import { Edit, SimpleForm, useResourceContext } from "react-admin";
import { resourceMeta } from "../resources/registry";
import { renderInput } from "./renderInput";

/**
 * Pessimistic so that the server's userErrors (field errors, STALE_VERSION)
 * reach the form before the user leaves it.
 */
export default function GenericEdit() {
  const meta = resourceMeta(useResourceContext());
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>{(meta.update?.fields ?? []).map((f) => renderInput({ ...f, required: false }))}</SimpleForm>
    </Edit>
  );
}
