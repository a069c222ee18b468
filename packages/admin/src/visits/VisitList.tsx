import { MetaList } from "../views/GenericList";
import { XlsxExportButton } from "./XlsxExportButton";

/** Visits: the generated list plus the XLSX export of the API. */
export default function VisitList() {
  return <MetaList extraActions={<XlsxExportButton />} />;
}
