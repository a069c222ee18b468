import { Button, Card, CardContent, CardHeader, Chip, MenuItem, Stack, TextField, Typography } from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useGetList, useNotify, useRecordContext, useTranslate } from "react-admin";
import { request } from "../data/api";
import { runMutation } from "../data/runMutation";

const VISITORS = `query HospitalVisitors($id: ID!) { organization(id: $id) { id visitors { id name } } }`;
const ADD = `mutation AddVisitorHospital($input: VisitorHospitalInput!) {
  addVisitorHospital(input: $input) { user { id } userErrors { code field message } }
}`;
const REMOVE = `mutation RemoveVisitorHospital($input: VisitorHospitalInput!) {
  removeVisitorHospital(input: $input) { user { id } userErrors { code field message } }
}`;

interface Visitor {
  id: string;
  name: string;
}

/**
 * 与定点医院关联: the visitors who cover a hospital, added and removed here; only they
 * can be assigned its field visits.
 */
export function HospitalVisitors() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [candidate, setCandidate] = useState("");
  const [running, setRunning] = useState(false);
  const hospitalId = record?.id ? String(record.id) : "";
  const queryKey = ["hospitalVisitors", hospitalId];
  const { data } = useQuery({
    queryKey,
    queryFn: () => request<{ organization: { visitors: Visitor[] } | null }>(VISITORS, { id: hospitalId }),
    enabled: Boolean(hospitalId),
  });
  const { data: allVisitors = [] } = useGetList("users", {
    filter: { role: "VISITOR", active: true },
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
  });
  const covering = data?.organization?.visitors ?? [];
  const coveringIds = new Set(covering.map((v) => v.id));
  const candidates = allVisitors.filter((v) => !coveringIds.has(String(v.id)));

  async function change(mutation: string, field: string, userId: string, done: string) {
    setRunning(true);
    try {
      await runMutation(mutation, field, { userId, hospitalId });
      notify(done, { type: "success" });
      setCandidate("");
      await queryClient.invalidateQueries({ queryKey });
    } catch (error) {
      const message = error instanceof Error ? error.message : "ra.notification.http_error";
      notify(message, { type: "error", messageArgs: { _: message } });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="hospital-visitors">
      <CardHeader title={translate("clinigraph.workflows.hospital_visitors")} />
      <CardContent>
        {covering.length === 0 && <Typography>{translate("clinigraph.workflows.no_visitors")}</Typography>}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", mb: 2 }}>
          {covering.map((visitor) => (
            <Chip
              key={visitor.id}
              label={visitor.name}
              disabled={running}
              onDelete={() =>
                void change(REMOVE, "removeVisitorHospital", visitor.id, "clinigraph.workflows.visitor_removed")
              }
            />
          ))}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
          <TextField
            select
            size="small"
            sx={{ minWidth: 240 }}
            label={translate("clinigraph.visits.visitor")}
            value={candidate}
            onChange={(e) => setCandidate(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "hospital-visitor-candidate" } }}
          >
            {candidates.map((visitor) => (
              <MenuItem key={visitor.id} value={String(visitor.id)}>
                {String(visitor.name)}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="contained"
            disabled={running || !candidate}
            onClick={() => void change(ADD, "addVisitorHospital", candidate, "clinigraph.workflows.visitor_added")}
          >
            {translate("clinigraph.workflows.add_visitor")}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
