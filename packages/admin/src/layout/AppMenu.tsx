import AssignmentIndIcon from "@mui/icons-material/AssignmentInd";
import DescriptionIcon from "@mui/icons-material/Description";
import DynamicFormIcon from "@mui/icons-material/DynamicForm";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import PaymentsIcon from "@mui/icons-material/Payments";
import QueueIcon from "@mui/icons-material/Queue";
import RateReviewIcon from "@mui/icons-material/RateReview";
import type { MouseEvent, ReactElement } from "react";
import { Menu, usePermissions } from "react-admin";
import { tokenStore } from "../auth/tokenStore";
import { screensFor, type Screen } from "./access";
import { partnerOf, PortalMenu } from "../portal";

const REVIEW_LINKS: Partial<Record<Screen, { to: string; icon: ReactElement }>> = {
  visitAssignment: { to: "/visit-assignment", icon: <AssignmentIndIcon /> },
  visitReview: {
    to: `/visits?filter=${encodeURIComponent(JSON.stringify({ status: ["IN_REVIEW"] }))}`,
    icon: <RateReviewIcon />,
  },
  claimReview: {
    to: `/claims?filter=${encodeURIComponent(JSON.stringify({ status: ["SUBMITTED", "IN_REVIEW"] }))}`,
    icon: <FactCheckIcon />,
  },
  collections: { to: "/collections", icon: <PaymentsIcon /> },
  documentTypes: { to: "/document-types", icon: <DescriptionIcon /> },
  formTemplates: { to: "/form-templates", icon: <DynamicFormIcon /> },
};

/** The menu of the signed-in user's roles (layout/access.ts). */
export function AppMenu() {
  const { permissions } = usePermissions();
  if (partnerOf(permissions)) return <PortalMenu />;
  return (
    <Menu>
      {screensFor(permissions).map((screen) => {
        if (screen === "dashboard") return <Menu.DashboardItem key={screen} primaryText="clinigraph.menu.dashboard" />;
        if (screen === "queueDashboard") {
          return (
            <Menu.Item
              key={screen}
              to="#"
              primaryText="clinigraph.menu.queueDashboard"
              leftIcon={<QueueIcon />}
              data-testid="menu-queue-dashboard"
              onClick={(event: MouseEvent) => {
                // bull-board lives on the API; the token travels once in the URL and becomes a cookie there
                event.preventDefault();
                window.open(`/admin/queues?token=${encodeURIComponent(tokenStore.accessToken() ?? "")}`, "_blank");
              }}
            />
          );
        }
        const link = REVIEW_LINKS[screen];
        if (link) {
          return (
            <Menu.Item
              key={screen}
              to={link.to}
              primaryText={`clinigraph.menu.${screen}`}
              leftIcon={link.icon}
              data-testid={`menu-${screen}`}
            />
          );
        }
        return <Menu.ResourceItem key={screen} name={screen} />;
      })}
    </Menu>
  );
}
