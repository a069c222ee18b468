import { Button } from "@mui/material";
import { Link, usePermissions, useTranslate } from "react-admin";
import { MetaList } from "../views/GenericList";
import { XlsxExportButton } from "./XlsxExportButton";

/** Who creates visits: the operator's desk (createFieldVisit and scheduleAppointment are OPERATOR/ADMIN). */
const CREATORS = ["OPERATOR", "ADMIN"];

function CreateVisitButtons() {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  if (!(permissions ?? []).some((role) => CREATORS.includes(role))) return null;
  return (
    <>
      <Button size="small" component={Link} to="/visits/create" data-testid="new-field-visit">
        {translate("clinigraph.workflows.new_field_visit")}
      </Button>
      <Button size="small" component={Link} to="/visits/create?kind=APPOINTMENT" data-testid="book-appointment">
        {translate("clinigraph.workflows.book_appointment")}
      </Button>
    </>
  );
}

/** Visits: the generated list plus the XLSX export of the API and the operator's create buttons. */
export default function VisitList() {
  return (
    <MetaList
      extraActions={
        <>
          <CreateVisitButtons />
          <XlsxExportButton />
        </>
      }
    />
  );
}
