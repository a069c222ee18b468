import {
  Card,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Button, Title, usePermissions, useLocaleState, useTranslate } from "react-admin";
import { Link, useNavigate } from "react-router-dom";
import AddIcon from "@mui/icons-material/Add";
import { request } from "../data/api";
import { formatDate, humanize } from "../fields/format";
import { canRegisterClaims, deadlineState } from "./access";

type Row = Record<string, unknown> & { id: string; number: string; status: string };

interface ListSpec {
  field: "visits" | "cases" | "claims";
  statusEnum: string;
  selection: string;
  /** Date columns: the field and whether it is a deadline to highlight. */
  dates: { name: string; deadline?: boolean }[];
}

const SPECS: Record<ListSpec["field"], ListSpec> = {
  visits: {
    field: "visits",
    statusEnum: "VisitStatus",
    selection: "id number status kind scheduledAt case { number }",
    dates: [{ name: "scheduledAt" }],
  },
  cases: {
    field: "cases",
    statusEnum: "CaseStatus",
    selection: "id number status kind incidentDate scanKey",
    dates: [{ name: "incidentDate" }],
  },
  claims: {
    field: "claims",
    statusEnum: "ClaimStatus",
    selection: "id number status kind deliveryDueAt overdue case { number }",
    dates: [{ name: "deliveryDueAt", deadline: true }],
  },
};

/** A partner's own visits, cases or claims (the API scopes them to its organisation). */
export function PortalList({ field }: { field: ListSpec["field"] }) {
  const spec = SPECS[field];
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isFetching } = useQuery({
    queryKey: ["portalList", field],
    queryFn: () =>
      request<Record<string, { totalCount: number; nodes: Row[] }>>(
        `query PortalList { ${field}(first: 100) { totalCount nodes { ${spec.selection} } } }`,
      ),
  });
  const rows = data?.[field]?.nodes ?? [];
  const navigate = useNavigate();
  const { permissions } = usePermissions();
  // a claim opens on its own page; the other lists are read-only
  const opens = field === "claims";
  const open = (status: string) =>
    !["COMPLETED", "CANCELLED", "CLOSED", "APPROVED", "DENIED", "SETTLED"].includes(status);
  return (
    <Card sx={{ mt: 2 }} data-testid={`portal-list-${field}`}>
      <Title title={translate(`resources.${field}.name`, { smart_count: 2 })} />
      {opens && canRegisterClaims(permissions) && (
        <Button
          component={Link}
          to="/portal/claims/new"
          label="clinigraph.portal.new_claim"
          sx={{ m: 1 }}
          data-testid="portal-new-claim"
        >
          <AddIcon />
        </Button>
      )}
      <LinearProgress sx={{ height: 3, visibility: isFetching ? "visible" : "hidden" }} />
      {rows.length === 0 && !isFetching && (
        <Typography sx={{ p: 2 }}>{translate("clinigraph.portal.tray_empty")}</Typography>
      )}
      {rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate("clinigraph.fields.number")}</TableCell>
              <TableCell>{translate("clinigraph.fields.kind")}</TableCell>
              <TableCell>{translate("clinigraph.fields.status")}</TableCell>
              {spec.dates.map((d) => (
                <TableCell key={d.name}>{translate(`clinigraph.fields.${d.name}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={row.id}
                data-testid={`portal-row-${row.number}`}
                hover={opens}
                sx={opens ? { cursor: "pointer" } : undefined}
                onClick={opens ? () => navigate(`/portal/claims/${row.id}`) : undefined}
              >
                <TableCell>{row.number}</TableCell>
                <TableCell>
                  {humanizeEnum(translate, `${spec.statusEnum.replace("Status", "Kind")}`, String(row.kind))}
                </TableCell>
                <TableCell>{humanizeEnum(translate, spec.statusEnum, row.status)}</TableCell>
                {spec.dates.map((d) => {
                  const value = row[d.name] as string | null;
                  const late =
                    d.deadline && value && open(row.status) && (row.overdue || deadlineState(value) === "late");
                  return (
                    <TableCell key={d.name}>
                      {d.deadline && value && open(row.status) ? (
                        <Chip
                          size="small"
                          color={late ? "error" : deadlineState(value) === "near" ? "warning" : "default"}
                          label={formatDate(value, locale, true)}
                        />
                      ) : (
                        formatDate(value, locale, d.name !== "incidentDate")
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

function humanizeEnum(translate: ReturnType<typeof useTranslate>, enumType: string, value: string) {
  return translate(`clinigraph.enums.${enumType}.${value}`, { _: humanize(value) });
}

export const PortalVisits = () => <PortalList field="visits" />;
export const PortalCases = () => <PortalList field="cases" />;
export const PortalClaims = () => <PortalList field="claims" />;
