import { Box } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRecordContext } from "react-admin";
import { request } from "../data/api";
import { StatusTimeline } from "../orders/StatusTimeline";
import type { StatusChange } from "../orders/queries";

/** A record's status history as sentences, read through its single-record query (`case`, `patient`). */
export function RecordHistory({ query, statusEnum }: { query: string; statusEnum: string }) {
  const record = useRecordContext();
  const { data } = useQuery({
    queryKey: ["history", query, record?.id, record?.version],
    queryFn: () =>
      request<Record<string, { history: StatusChange[] } | null>>(
        `query History($id: ID!) { ${query}(id: $id) { id history { id event fromStatus toStatus reason reasonCode reference actorKind actorName createdAt } } }`,
        { id: record?.id },
      ),
    enabled: Boolean(record?.id),
  });
  const history = data?.[query]?.history ?? [];
  if (history.length === 0) return null;
  return (
    <Box sx={{ m: 2 }}>
      <StatusTimeline history={history} statusEnum={statusEnum} />
    </Box>
  );
}
