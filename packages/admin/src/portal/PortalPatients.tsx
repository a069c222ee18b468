import AddIcon from "@mui/icons-material/Add";
import { Card, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Button, Title, useLocaleState, useTranslate } from "react-admin";
import { Link } from "react-router-dom";
import { request } from "../data/api";
import { formatDate, humanize } from "../fields/format";

interface PatientRow {
  id: string;
  firstName: string;
  lastName: string;
  customerNumber: string;
  birthDate: string | null;
  status: string;
}

export const PORTAL_PATIENTS = `query PortalPatients {
  patients(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) {
    totalCount nodes { id firstName lastName customerNumber birthDate status }
  }
}`;

/**
 * The patients a clinic, hospital or agency registered or sees through its cases (the API
 * scopes them), newest first, and the way to register one before opening its case or claim.
 */
export default function PortalPatients() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isFetching } = useQuery({
    queryKey: ["portalPatients"],
    queryFn: () => request<{ patients: { nodes: PatientRow[] } }>(PORTAL_PATIENTS),
  });
  const rows = data?.patients.nodes ?? [];
  return (
    <Card sx={{ mt: 2 }} data-testid="portal-list-patients">
      <Title title={translate("resources.patients.name", { smart_count: 2 })} />
      <Button
        component={Link}
        to="/portal/patients/new"
        label="clinigraph.portal.new_patient"
        sx={{ m: 1 }}
        data-testid="portal-new-patient"
      >
        <AddIcon />
      </Button>
      <LinearProgress sx={{ height: 3, visibility: isFetching ? "visible" : "hidden" }} />
      {rows.length === 0 && !isFetching && (
        <Typography sx={{ p: 2 }}>{translate("clinigraph.portal.tray_empty")}</Typography>
      )}
      {rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate("clinigraph.fields.patient")}</TableCell>
              <TableCell>{translate("clinigraph.fields.customerNumber")}</TableCell>
              <TableCell>{translate("clinigraph.fields.birthDate")}</TableCell>
              <TableCell>{translate("clinigraph.fields.status")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid={`portal-patient-${row.customerNumber}`}>
                <TableCell>
                  <bdi>
                    {row.firstName} {row.lastName}
                  </bdi>
                </TableCell>
                <TableCell>
                  <bdi>{row.customerNumber}</bdi>
                </TableCell>
                <TableCell>{formatDate(row.birthDate, locale, false)}</TableCell>
                <TableCell>
                  {translate(`clinigraph.enums.PatientStatus.${row.status}`, { _: humanize(row.status) })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
