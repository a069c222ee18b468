import {
  Alert,
  Button,
  Card,
  CardContent,
  CardHeader,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useTranslate } from "react-admin";
import { request } from "../data/api";
import { idempotencyKey, runMutation } from "../data/runMutation";

interface PartnerUser {
  id: string;
  version: number;
  name: string;
  email: string;
  partnerRoles: string[];
  active: boolean;
}

const USERS = `query PortalUsers { partnerUsers(first: 100) { nodes { id version name email partnerRoles active } } }`;
const CREATE = `mutation PortalCreateUser($input: CreatePartnerUserInput!) {
  createPartnerUser(input: $input) { user { id } userErrors { code field message } }
}`;
const UPDATE = `mutation PortalUpdateUser($input: UpdatePartnerUserInput!) {
  updatePartnerUser(input: $input) { user { id } userErrors { code field message } }
}`;

/** A partner admin's own organisation's users: who may sign in to the portal, and with which role. */
export default function PortalUsers() {
  const translate = useTranslate();
  const { data, refetch } = useQuery({
    queryKey: ["portalUsers"],
    queryFn: () => request<{ partnerUsers: { nodes: PartnerUser[] } }>(USERS),
  });
  const [draft, setDraft] = useState({ name: "", email: "", role: "PARTNER_STAFF", password: "" });
  const [error, setError] = useState<string | null>(null);
  const run = async (body: () => Promise<unknown>) => {
    setError(null);
    try {
      await body();
      await refetch();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const create = () =>
    run(async () => {
      await runMutation(CREATE, "createPartnerUser", {
        name: draft.name,
        email: draft.email,
        roles: [draft.role],
        password: draft.password,
        idempotencyKey: idempotencyKey(),
      });
      setDraft({ name: "", email: "", role: "PARTNER_STAFF", password: "" });
    });
  const toggle = (user: PartnerUser) =>
    run(() =>
      runMutation(UPDATE, "updatePartnerUser", { id: user.id, expectedVersion: user.version, active: !user.active }),
    );
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate("clinigraph.portal.menu.users")} />
      {error && <Alert severity="error">{error}</Alert>}
      <Card variant="outlined">
        <Table size="small" data-testid="portal-users">
          <TableHead>
            <TableRow>
              <TableCell>{translate("clinigraph.fields.name")}</TableCell>
              <TableCell>{translate("clinigraph.fields.email")}</TableCell>
              <TableCell>{translate("clinigraph.fields.partnerRoles")}</TableCell>
              <TableCell>{translate("clinigraph.fields.active")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.partnerUsers.nodes ?? []).map((user) => (
              <TableRow key={user.id} data-testid={`portal-user-${user.email}`}>
                <TableCell>{user.name}</TableCell>
                <TableCell>
                  <bdi>{user.email}</bdi>
                </TableCell>
                <TableCell>
                  {user.partnerRoles.map((r) => translate(`clinigraph.enums.PartnerRole.${r}`)).join(", ")}
                </TableCell>
                <TableCell>
                  <Button
                    size="small"
                    onClick={() => void toggle(user)}
                    data-testid={`portal-user-toggle-${user.email}`}
                  >
                    {translate(user.active ? "clinigraph.events.DEACTIVATE" : "clinigraph.events.ACTIVATE")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card variant="outlined">
        <CardHeader title={translate("clinigraph.portal.new_user")} />
        <CardContent>
          <Stack direction={{ xs: "column", md: "row" }} spacing={2}>
            <TextField
              label={translate("clinigraph.fields.name")}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              slotProps={{ htmlInput: { "data-testid": "portal-user-name" } }}
            />
            <TextField
              label={translate("clinigraph.fields.email")}
              type="email"
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              slotProps={{ htmlInput: { "data-testid": "portal-user-email" } }}
            />
            <TextField
              select
              label={translate("clinigraph.fields.partnerRoles")}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value })}
            >
              {["PARTNER_STAFF", "PARTNER_ADMIN"].map((r) => (
                <MenuItem key={r} value={r}>
                  {translate(`clinigraph.enums.PartnerRole.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={translate("clinigraph.fields.password")}
              type="password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              slotProps={{ htmlInput: { "data-testid": "portal-user-password" } }}
            />
            <Button variant="contained" onClick={() => void create()} data-testid="portal-user-create">
              {translate("ra.action.create")}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}
