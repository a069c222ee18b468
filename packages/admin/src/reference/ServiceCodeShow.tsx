import { Card, CardContent, Typography } from "@mui/material";
import { EditButton, Show, TopToolbar, useGetList, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { canSee } from "../layout/access";
import { resourceMeta } from "../resources/registry";
import { RelatedList } from "../views/RelatedList";
import { ShowSections } from "../views/ShowSections";

/** Said once when no order requests the code and no claim bills it (each list is left out when empty). */
function NotUsed() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const code = record?.code as string | undefined;
  const opts = { pagination: { page: 1, perPage: 1 }, filter: { serviceCode: code } };
  const orders = useGetList("orders", opts, { enabled: Boolean(code) && canSee(permissions, "orders") });
  const claims = useGetList("claims", opts, { enabled: Boolean(code) && canSee(permissions, "claims") });
  if (!code || orders.isPending || claims.isPending) return null;
  if ((orders.total ?? 0) + (claims.total ?? 0) > 0) return null;
  return (
    <Card variant="outlined" sx={{ m: 2 }} data-testid="service-code-unused">
      <CardContent>
        <Typography>{translate("clinigraph.reference_pages.service_code.not_used")}</Typography>
      </CardContent>
    </Card>
  );
}

/** A service code: what it is, its fee schedule price, and the orders and claims that use it. */
export default function ServiceCodeShow() {
  const meta = resourceMeta("serviceCodes");
  const { permissions } = usePermissions();
  const admin = Array.isArray(permissions) && permissions.includes("ADMIN");
  return (
    <Show actions={<TopToolbar>{admin && <EditButton />}</TopToolbar>}>
      <ShowSections meta={meta} />
      <RelatedList reference="orders" target="serviceCode" source="code" />
      <RelatedList reference="claims" target="serviceCode" source="code" />
      <NotUsed />
    </Show>
  );
}
