import AssignmentIcon from "@mui/icons-material/Assignment";
import FolderIcon from "@mui/icons-material/Folder";
import LocalHospitalIcon from "@mui/icons-material/LocalHospital";
import PeopleIcon from "@mui/icons-material/People";
import PersonAddIcon from "@mui/icons-material/PersonAdd";
import ReceiptIcon from "@mui/icons-material/Receipt";
import VpnKeyIcon from "@mui/icons-material/VpnKey";
import type { ReactElement } from "react";
import { Menu, usePermissions } from "react-admin";
import { portalScreens, type PortalScreen } from "./access";

const ITEMS: Record<PortalScreen, { to: string; icon: ReactElement }> = {
  orders: { to: "/portal/orders", icon: <AssignmentIcon /> },
  patients: { to: "/portal/patients", icon: <PersonAddIcon /> },
  visits: { to: "/portal/visits", icon: <LocalHospitalIcon /> },
  cases: { to: "/portal/cases", icon: <FolderIcon /> },
  claims: { to: "/portal/claims", icon: <ReceiptIcon /> },
  users: { to: "/portal/users", icon: <PeopleIcon /> },
  integrations: { to: "/portal/integrations", icon: <VpnKeyIcon /> },
};

/** A partner's own menu: its organisation's work, never the operator's screens. */
export function PortalMenu() {
  const { permissions } = usePermissions();
  return (
    <Menu>
      {portalScreens(permissions).map((screen) => (
        <Menu.Item
          key={screen}
          to={ITEMS[screen].to}
          primaryText={`clinigraph.portal.menu.${screen}`}
          leftIcon={ITEMS[screen].icon}
          data-testid={`portal-menu-${screen}`}
        />
      ))}
    </Menu>
  );
}
