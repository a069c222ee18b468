import { Box, Card, CardContent, Typography } from "@mui/material";
import { useState } from "react";
import { Datagrid, List, ReferenceField, TextField, Title, useTranslate } from "react-admin";
import { EnumField } from "../fields/EnumField";
import { LocaleDateField } from "../fields/LocaleDateField";
import { BulkAssignButton } from "./BulkAssignButton";
import { HospitalPicker } from "./HospitalPicker";
import { XlsxExportButton } from "./XlsxExportButton";
import { FIT_SCREEN } from "../views/fitScreen";

/**
 * 任务分配: pending field visits of one hospital, assigned in bulk to a visitor
 * who covers that hospital.
 */
export default function VisitAssignment() {
  const translate = useTranslate();
  const [hospitalId, setHospitalId] = useState("");

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate("clinigraph.menu.visitAssignment")} />
      <Card sx={{ mb: 1 }}>
        <CardContent>
          <HospitalPicker value={hospitalId} onChange={setHospitalId} />
        </CardContent>
      </Card>
      {!hospitalId ? (
        <Typography sx={{ p: 2 }}>{translate("clinigraph.visits.pick_hospital")}</Typography>
      ) : (
        <List
          key={hospitalId}
          resource="visits"
          storeKey="visitAssignment"
          disableSyncWithLocation
          title=" "
          filter={{ status: ["PENDING_ASSIGNMENT"], hospitalId }}
          sort={{ field: "createdAt", order: "ASC" }}
          actions={<XlsxExportButton filter={{ status: ["PENDING_ASSIGNMENT"], hospitalId }} />}
          perPage={50}
          sx={FIT_SCREEN}
        >
          <Datagrid bulkActionButtons={<BulkAssignButton hospitalId={hospitalId} />} rowClick={false}>
            <TextField source="number" />
            <EnumField source="status" enumType="VisitStatus" chip />
            <ReferenceField source="patientId" reference="patients" link={false} />
            <ReferenceField source="caseId" reference="cases" link={false} />
            <TextField source="ward" />
            <TextField source="bed" />
            <LocaleDateField source="admissionDate" />
            <LocaleDateField source="createdAt" showTime />
          </Datagrid>
        </List>
      )}
    </Box>
  );
}
