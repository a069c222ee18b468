import { useState } from "react";
import {
  AutocompleteInput,
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

const parseScopes = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const formatScopes = (value: unknown) => (Array.isArray(value) ? value.join(", ") : "");

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
        <TextInput source="scopes" format={formatScopes} parse={parseScopes} />
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
