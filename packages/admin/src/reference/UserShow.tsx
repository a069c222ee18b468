import { Card, CardContent, CardHeader, Chip, Stack, Typography } from "@mui/material";
import { useState } from "react";
import {
  Button,
  Confirm,
  EditButton,
  Show,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { request } from "../data/api";
import { runMutation } from "../data/runMutation";
import { canSee } from "../layout/access";
import { resourceMeta } from "../resources/registry";
import { ShowSections } from "../views/ShowSections";

const WORKPLACES = `query UserWorkplaces($id: ID!) { user(id: $id) { id branches { id name } coveredHospitals { id name } } }`;

const DEACTIVATE = `mutation DeactivateUser($input: DeactivateUserInput!) {
  deactivateUser(input: $input) { user { id active version } userErrors { code field message } }
}`;

/** Deactivation ends the user's sessions: asked first, then refused or done by the API (ADMIN). */
function DeactivateButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record?.active) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await runMutation(DEACTIVATE, "deactivateUser", { id: record.id, expectedVersion: record.version });
      notify("clinigraph.reference_pages.user.deactivated", { type: "success" });
      refresh();
    } catch (err) {
      notify((err as Error).message, { type: "error" });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="clinigraph.reference_pages.user.deactivate" color="warning" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate("clinigraph.reference_pages.user.deactivate_title", { name: record.name })}
        content="clinigraph.reference_pages.user.deactivate_content"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** What the user did, in the audit log's own readable list, filtered to them. */
function ActivityLink() {
  const record = useRecordContext();
  const { permissions } = usePermissions();
  if (!record || !canSee(permissions, "auditEvents")) return null;
  const filter = encodeURIComponent(JSON.stringify({ actorId: record.id }));
  return (
    <Button
      component={Link}
      to={`/auditEvents?filter=${filter}`}
      label="clinigraph.reference_pages.user.activity"
      data-testid="user-activity"
    />
  );
}

function UserActions() {
  const { permissions } = usePermissions();
  const admin = Array.isArray(permissions) && permissions.includes("ADMIN");
  return (
    <TopToolbar>
      <ActivityLink />
      {admin && <DeactivateButton />}
      {admin && <EditButton />}
    </TopToolbar>
  );
}

/** Where the user works: their branches (none: head office) and, for a visitor, the hospitals covered. */
function Workplaces() {
  const record = useRecordContext();
  const translate = useTranslate();
  type Named = { id: string; name: string };
  const { data } = useQuery({
    queryKey: ["userWorkplaces", record?.id, record?.version],
    queryFn: () =>
      request<{ user: { branches: Named[]; coveredHospitals: Named[] } | null }>(WORKPLACES, { id: record?.id }),
    enabled: Boolean(record?.id),
  });
  if (!record || !data?.user) return null;
  const { branches, coveredHospitals: hospitals } = data.user;
  const title = { variant: "subtitle1" as const, sx: { fontWeight: 600 } };
  return (
    <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ px: 2, pb: 2 }}>
      <Card variant="outlined" sx={{ flex: 1 }} data-testid="user-branches">
        <CardHeader title={translate("clinigraph.branches.branch")} slotProps={{ title }} />
        <CardContent>
          {branches.length === 0 ? (
            <Typography>{translate("clinigraph.reference_pages.user.head_office")}</Typography>
          ) : (
            <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
              {branches.map((b) => (
                <Chip key={b.id} label={<bdi>{b.name}</bdi>} />
              ))}
            </Stack>
          )}
        </CardContent>
      </Card>
      {hospitals.length > 0 && (
        <Card variant="outlined" sx={{ flex: 1 }} data-testid="user-hospitals">
          <CardHeader title={translate("clinigraph.reference_pages.user.covered_hospitals")} slotProps={{ title }} />
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", gap: 1 }}>
              {hospitals.map((h) => (
                <Chip
                  key={h.id}
                  clickable
                  component={Link}
                  to={`/organizations/${h.id}/show`}
                  label={<bdi>{h.name}</bdi>}
                />
              ))}
            </Stack>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}

function LastSignIn() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.lastLoginAt) return null;
  return (
    <Typography sx={{ px: 2, pb: 2 }} color="text.secondary" data-testid="user-never-signed-in">
      {translate("clinigraph.reference_pages.user.never_signed_in")}
    </Typography>
  );
}

/** A staff member: who they are and their roles, where they work, their sign-ins, and a way to what they did (the audit log). */
export default function UserShow() {
  const meta = resourceMeta("users");
  return (
    <Show actions={<UserActions />}>
      <ShowSections meta={meta} />
      <Workplaces />
      <LastSignIn />
    </Show>
  );
}
