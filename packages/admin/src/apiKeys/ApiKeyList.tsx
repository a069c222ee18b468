import { CreateButton, Datagrid, ExportButton, List, ReferenceField, TextField, TopToolbar } from "react-admin";
import { LocaleDateField } from "../fields/LocaleDateField";
import { safeCsvExporter } from "../data/csvExport";
import { FIT_SCREEN } from "../views/fitScreen";
import { RevokeButton } from "./RevokeButton";

/** Partner keys: never their secrets, only the prefix that identifies them. */
export default function ApiKeyList() {
  return (
    <List
      exporter={safeCsvExporter}
      sx={FIT_SCREEN}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportButton />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="prefix" />
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="lastUsedAt" showTime />
        <LocaleDateField source="revokedAt" showTime />
        <RevokeButton />
      </Datagrid>
    </List>
  );
}
