import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  Chip,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Confirm, RecordContextProvider, Title, useLocaleState, useNotify, useTranslate } from "react-admin";
import { RevokeButton } from "../apiKeys/RevokeButton";
import { SecretDialog } from "../apiKeys/SecretDialog";
import { createApiKey } from "../apiKeys/mutations";
import { request } from "../data/api";
import type { UserError } from "../data/graphqlClient";
import { userErrorsToHttpError } from "../data/userErrors";
import { formatDate } from "../fields/format";
import { RESOURCE_META } from "../resources/registry";

const KEYS = `query PortalApiKeys { apiKeys(first: 100) { nodes { id name prefix createdAt lastUsedAt revokedAt } } }`;
const ENDPOINTS = `query PortalWebhooks { webhookEndpoints(first: 100) { nodes { id url events active disabledAt } } }`;
const CREATE_ENDPOINT = `mutation PortalCreateWebhook($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { webhookEndpoint { id } signingSecret userErrors { code field message } }
}`;
const DELETE_ENDPOINT = `mutation PortalDeleteWebhook($input: WebhookEndpointRefInput!) {
  deleteWebhookEndpoint(input: $input) { userErrors { code field message } }
}`;

// The event types come from the schema (enum WebhookEventType), so the form offers exactly them.
const EVENTS =
  RESOURCE_META.resources.find((r) => r.name === "webhookEndpoints")?.fields.find((f) => f.name === "events")
    ?.choices ?? [];

interface Key {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface Endpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  disabledAt: string | null;
}

function useFail() {
  const notify = useNotify();
  return (error: unknown) =>
    notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
}

/** The organisation's API keys: never their secrets, only the prefix; a new key's secret shown once. */
function ApiKeys() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fail = useFail();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { data } = useQuery({
    queryKey: ["portalApiKeys"],
    queryFn: () => request<{ apiKeys: { nodes: Key[] } }>(KEYS),
  });
  const t = (field: string) => translate(`clinigraph.fields.${field}`);
  async function create() {
    try {
      const created = await createApiKey(request, { name: name.trim() });
      setName("");
      setSecret(created.secret);
      await queryClient.invalidateQueries({ queryKey: ["portalApiKeys"] });
    } catch (error) {
      fail(error);
    }
  }
  return (
    <Card sx={{ mt: 2 }} data-testid="portal-api-keys">
      <CardHeader title={translate("resources.apiKeys.name", { smart_count: 2 })} />
      <CardContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              {["name", "prefix", "createdAt", "lastUsedAt", "revokedAt"].map((f) => (
                <TableCell key={f}>{t(f)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.apiKeys.nodes ?? []).map((key) => (
              <RecordContextProvider key={key.id} value={key}>
                <TableRow data-testid={`portal-api-key-${key.prefix}`} data-revoked={Boolean(key.revokedAt)}>
                  <TableCell>{key.name}</TableCell>
                  <TableCell>
                    <bdi dir="ltr">{key.prefix}</bdi>
                  </TableCell>
                  <TableCell>{formatDate(key.createdAt, locale, true)}</TableCell>
                  <TableCell>{formatDate(key.lastUsedAt, locale, true)}</TableCell>
                  <TableCell>{formatDate(key.revokedAt, locale, true)}</TableCell>
                  <TableCell>
                    <RevokeButton />
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
          <TextField
            size="small"
            label={t("name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "portal-api-key-name" } }}
          />
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            disabled={!name.trim()}
            sx={{ flexShrink: 0, whiteSpace: "nowrap" }}
            onClick={() => void create()}
            data-testid="portal-api-key-create"
          >
            {translate("clinigraph.portal.new_api_key")}
          </Button>
        </Stack>
      </CardContent>
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
    </Card>
  );
}

/** The organisation's webhook endpoints: the URL, the events it takes, its state; the signing secret shown once. */
function Webhooks() {
  const translate = useTranslate();
  const fail = useFail();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(EVENTS);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Endpoint | null>(null);
  const { data } = useQuery({
    queryKey: ["portalWebhooks"],
    queryFn: () => request<{ webhookEndpoints: { nodes: Endpoint[] } }>(ENDPOINTS),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ["portalWebhooks"] });
  const eventName = (e: string) => translate(`clinigraph.enums.WebhookEventType.${e}`, { _: e });
  async function create() {
    try {
      const result = await request<{
        createWebhookEndpoint: { signingSecret: string | null; userErrors: UserError[] };
      }>(CREATE_ENDPOINT, { input: { url: url.trim(), events } });
      const payload = result.createWebhookEndpoint;
      if (payload.userErrors.length) throw userErrorsToHttpError(payload.userErrors);
      setUrl("");
      setSecret(payload.signingSecret);
      await reload();
    } catch (error) {
      fail(error);
    }
  }
  async function remove(endpoint: Endpoint) {
    try {
      const result = await request<{ deleteWebhookEndpoint: { userErrors: UserError[] } }>(DELETE_ENDPOINT, {
        input: { id: endpoint.id },
      });
      if (result.deleteWebhookEndpoint.userErrors.length)
        throw userErrorsToHttpError(result.deleteWebhookEndpoint.userErrors);
      await reload();
    } catch (error) {
      fail(error);
    } finally {
      setDeleting(null);
    }
  }
  return (
    <Card sx={{ mt: 2 }} data-testid="portal-webhooks">
      <CardHeader title={translate("resources.webhookEndpoints.name", { smart_count: 2 })} />
      <CardContent>
        <Table size="small">
          <TableBody>
            {(data?.webhookEndpoints.nodes ?? []).map((endpoint) => (
              <TableRow key={endpoint.id} data-testid="portal-webhook">
                <TableCell>
                  <bdi dir="ltr">{endpoint.url}</bdi>
                </TableCell>
                <TableCell>{endpoint.events.map(eventName).join(", ")}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={endpoint.active ? "success" : "default"}
                    label={translate(endpoint.active ? "clinigraph.fields.active" : "clinigraph.fields.disabledAt")}
                  />
                </TableCell>
                <TableCell>
                  <Button
                    color="error"
                    startIcon={<DeleteIcon />}
                    onClick={() => setDeleting(endpoint)}
                    data-testid="portal-webhook-delete"
                  >
                    {translate("ra.action.delete")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack spacing={1} sx={{ mt: 2 }}>
          <TextField
            size="small"
            label={translate("clinigraph.fields.url")}
            value={url}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "portal-webhook-url", dir: "ltr" } }}
          />
          <Stack direction="row" useFlexGap sx={{ flexWrap: "wrap" }}>
            {EVENTS.map((e) => (
              <FormControlLabel
                key={e}
                label={eventName(e)}
                control={
                  <Checkbox
                    checked={events.includes(e)}
                    onChange={(_, on) => setEvents(on ? [...events, e] : events.filter((x) => x !== e))}
                  />
                }
              />
            ))}
          </Stack>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            sx={{ alignSelf: "flex-start" }}
            disabled={!url.trim() || events.length === 0}
            onClick={() => void create()}
            data-testid="portal-webhook-create"
          >
            {translate("clinigraph.portal.new_webhook")}
          </Button>
        </Stack>
      </CardContent>
      {secret && (
        <SecretDialog secret={secret} title="clinigraph.portal.webhook_secret_title" onClose={() => setSecret(null)} />
      )}
      <Confirm
        isOpen={deleting !== null}
        title="clinigraph.portal.delete_webhook"
        content="clinigraph.transitions.confirm_content"
        translateOptions={{ name: deleting?.url ?? "" }}
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Card>
  );
}

/** A partner admin's integrations: its organisation's API keys and webhook endpoints (the API scopes both to it). */
export default function PortalIntegrations() {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate("clinigraph.portal.menu.integrations")} />
      <ApiKeys />
      <Webhooks />
    </>
  );
}
