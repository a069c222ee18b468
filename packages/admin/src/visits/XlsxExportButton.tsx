import GridOnIcon from "@mui/icons-material/GridOn";
import { useState } from "react";
import { Button, useListContext, useLocaleState, useNotify } from "react-admin";
import { authorizedFetch, saveBlob } from "../data/api";
import { toFilter } from "../data/dataProvider";
import { resourceMeta } from "../resources/registry";
import { exportQuery } from "./exportQuery";

/** The visit list as a spreadsheet from the API's export route, with the list's filters and any fixed ones. */
export function XlsxExportButton({ filter = {} }: { filter?: Record<string, unknown> }) {
  const { filterValues } = useListContext();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [running, setRunning] = useState(false);

  async function download() {
    setRunning(true);
    try {
      const query = exportQuery(toFilter(resourceMeta("visits"), { ...filterValues, ...filter }), locale);
      const response = await authorizedFetch(`/exports/visits.xlsx?${query}`);
      saveBlob(await response.blob(), `visits-${new Date().toISOString().slice(0, 10)}.xlsx`);
    } catch (error) {
      notify(error instanceof Error ? error.message : "ra.notification.http_error", { type: "error" });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Button label="clinigraph.visits.export_xlsx" onClick={download} disabled={running} data-testid="export-xlsx">
      <GridOnIcon />
    </Button>
  );
}
