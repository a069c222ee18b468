import { lazy } from "react";
import { CustomRoutes } from "react-admin";
import { Route } from "react-router-dom";
import { canRegisterClaims, portalScreens } from "./access";
import { PortalCases, PortalClaims, PortalVisits } from "./PortalList";

export { partnerOf } from "./access";
export { PortalHome } from "./PortalHome";
export { PortalMenu } from "./PortalMenu";

const ProviderTrays = lazy(() => import("./ProviderTrays"));
const PortalOrder = lazy(() => import("./PortalOrder"));
const PortalUsers = lazy(() => import("./PortalUsers"));
const PortalIntegrations = lazy(() => import("./PortalIntegrations"));
const PortalClaim = lazy(() => import("./PortalClaim"));
const PortalClaimCreate = lazy(() => import("./PortalClaimCreate"));
const PortalPatients = lazy(() => import("./PortalPatients"));
const PortalPatientCreate = lazy(() => import("./PortalPatientCreate"));

/**
 * The partner portal's routes, only those of the partner's kind: an operator route (or
 * another kind's) is simply not there, so it answers react-admin's not-found page.
 */
export function portalRoutes(permissions: unknown) {
  const screens = portalScreens(permissions);
  return (
    <CustomRoutes>
      {screens.includes("orders") && <Route path="/portal/orders" element={<ProviderTrays />} />}
      {screens.includes("orders") && <Route path="/portal/orders/:id" element={<PortalOrder />} />}
      {screens.includes("patients") && <Route path="/portal/patients" element={<PortalPatients />} />}
      {screens.includes("patients") && <Route path="/portal/patients/new" element={<PortalPatientCreate />} />}
      {screens.includes("visits") && <Route path="/portal/visits" element={<PortalVisits />} />}
      {screens.includes("cases") && <Route path="/portal/cases" element={<PortalCases />} />}
      {screens.includes("claims") && <Route path="/portal/claims" element={<PortalClaims />} />}
      {canRegisterClaims(permissions) && <Route path="/portal/claims/new" element={<PortalClaimCreate />} />}
      {screens.includes("claims") && <Route path="/portal/claims/:id" element={<PortalClaim />} />}
      {screens.includes("users") && <Route path="/portal/users" element={<PortalUsers />} />}
      {screens.includes("integrations") && <Route path="/portal/integrations" element={<PortalIntegrations />} />}
    </CustomRoutes>
  );
}
