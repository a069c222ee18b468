import { Card, CardContent, CardHeader, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";
import {
  Datagrid,
  FunctionField,
  ListBase,
  ReferenceField,
  TextField,
  useGetIdentity,
  useListContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { EnumField } from "../fields/EnumField";
import { FieldLabel } from "../fields/FieldLabel";
import { LocaleDateField } from "../fields/LocaleDateField";

/** A calendar day in the visitor's own zone, as the list's date filters take it (dateFilters.ts). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The visits still waiting for their visitor; RETURNED ones have their own card, with the reason. */
const OPEN = ["SCHEDULED", "IN_PROGRESS"];

const label = (name: string) => <FieldLabel resource="visits" name={name} />;

function VisitRows({ empty, reason }: { empty: string; reason?: boolean }) {
  const translate = useTranslate();
  const { total, isPending } = useListContext();
  if (!isPending && !total) return <Typography color="text.secondary">{translate(empty)}</Typography>;
  return (
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" label={label("number")} sortable={false} />
      <ReferenceField source="patientId" reference="patients" link={false} label={label("patient")} sortable={false} />
      <ReferenceField
        source="siteId"
        reference="organizations"
        link={false}
        label="clinigraph.visits.hospital"
        sortable={false}
      />
      <LocaleDateField source="scheduledAt" showTime label={label("scheduledAt")} sortable={false} />
      <EnumField source="status" enumType="VisitStatus" chip label={label("status")} sortable={false} />
      {reason && (
        <FunctionField
          source="returnReason"
          label={label("returnReason")}
          sortable={false}
          render={(record: RaRecord) => <bdi>{record.returnReason}</bdi>}
        />
      )}
    </Datagrid>
  );
}

function VisitCard({
  title,
  testId,
  filter,
  children,
}: {
  title: string;
  testId: string;
  filter: Record<string, unknown>;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={translate(title)} slotProps={{ title: { variant: "subtitle1" } }} />
      <CardContent sx={{ overflowX: "auto" }}>
        <ListBase
          resource="visits"
          filter={filter}
          sort={{ field: "scheduledAt", order: "ASC" }}
          perPage={50}
          disableSyncWithLocation
          storeKey={false}
        >
          {children}
        </ListBase>
      </CardContent>
    </Card>
  );
}

/**
 * A visitor's home: the field visits due today, those overdue (scheduled before today and
 * not yet concluded) and those the reviewer returned, each opening the findings form.
 */
export default function VisitorHome() {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const mine = { assigneeId: identity.id, kind: "FIELD_VISIT" };
  return (
    <Stack spacing={2} data-testid="visitor-home">
      <VisitCard
        title="clinigraph.home.today"
        testId="visits-today"
        filter={{ ...mine, status: OPEN, scheduledFrom: day(0), scheduledTo: day(0) }}
      >
        <VisitRows empty="clinigraph.home.none_today" />
      </VisitCard>
      <VisitCard
        title="clinigraph.home.overdue"
        testId="visits-overdue"
        filter={{ ...mine, status: OPEN, scheduledTo: day(-1) }}
      >
        <VisitRows empty="clinigraph.home.none_overdue" />
      </VisitCard>
      <VisitCard title="clinigraph.home.returned" testId="visits-returned" filter={{ ...mine, status: ["RETURNED"] }}>
        <VisitRows empty="clinigraph.home.none_returned" reason />
      </VisitCard>
    </Stack>
  );
}
