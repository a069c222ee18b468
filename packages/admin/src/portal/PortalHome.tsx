import { usePermissions } from "react-admin";
import { Navigate } from "react-router-dom";
import { portalScreens } from "./access";

/** A partner's home is its first screen: a provider's trays, a hospital's visits, an agency's cases. */
export function PortalHome() {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const first = portalScreens(permissions)[0];
  return first ? <Navigate to={`/portal/${first}`} replace /> : null;
}
