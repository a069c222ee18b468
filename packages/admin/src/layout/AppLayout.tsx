import type { ReactNode } from "react";
import { AppBar, Layout, TitlePortal } from "react-admin";
import { BranchChooser, BranchSwitcher } from "../branches";
import { ReportInboxBadge } from "../orders/ReportInboxBadge";
import { AppMenu } from "./AppMenu";

/**
 * react-admin's layout is at least as wide as its content (`min-width: fit-content`), so
 * one wide table made the whole page scroll sideways on a phone (and, right to left, open
 * scrolled to the wrong end). Here the page is the screen's width and wide content
 * scrolls inside its own box.
 */
const fitScreen = { minWidth: 0, "& .RaLayout-content": { minWidth: 0 } };

/** The app bar with the operator's arrived reports and the branch the session works in (a branch member switches there). */
function BranchAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <ReportInboxBadge />
      <BranchSwitcher />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AppMenu} appBar={BranchAppBar} sx={fitScreen}>
      {children}
      <BranchChooser />
    </Layout>
  );
}
