import { useState } from "react";
import {
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useNotify,
  useRedirect,
} from "react-admin";
import { request } from "../data/api";
import { createApiKey, type NewApiKey } from "./mutations";
import { SecretDialog } from "./SecretDialog";
import { RESOURCE_META } from "../resources/registry";
import { EnumOption } from "../fields/EnumOption";

// The valid scopes come from the schema (enum ApiKeyScope), so the form offers exactly them.
const SCOPES = RESOURCE_META.resources
  .find((r) => r.name === "apiKeys")
  ?.create?.fields.find((f) => f.name === "scopes");
const scopeChoices = (SCOPES?.choices ?? []).map((id) => ({ id, name: id }));

/** A new partner key: the form goes straight to createApiKey so the one-time secret reaches the screen. */
export default function ApiKeyCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [secret, setSecret] = useState<string | null>(null);

  async function save(values: Record<string, unknown>) {
    try {
      const input: NewApiKey = { name: String(values.name ?? "") };
      if (values.organizationId) input.organizationId = String(values.organizationId);
      if (Array.isArray(values.scopes) && values.scopes.length) input.scopes = values.scopes as string[];
      const created = await createApiKey(request, input);
      setSecret(created.secret);
    } catch (error) {
      notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
    }
  }

  return (
    <Create>
      <SimpleForm
        onSubmit={save}
        toolbar={
          <Toolbar>
            <SaveButton alwaysEnable />
          </Toolbar>
        }
      >
        <TextInput source="name" validate={required()} />
        <ReferenceInput source="organizationId" reference="organizations">
          <AutocompleteInput />
        </ReferenceInput>
        <CheckboxGroupInput
          source="scopes"
          choices={scopeChoices}
          defaultValue={scopeChoices.map((c) => c.id)}
          optionText={<EnumOption enumType={SCOPES?.enumType} />}
          validate={required()}
        />
      </SimpleForm>
      {secret && (
        <SecretDialog
          secret={secret}
          onClose={() => {
            setSecret(null);
            redirect("list", "apiKeys");
          }}
        />
      )}
    </Create>
  );
}
