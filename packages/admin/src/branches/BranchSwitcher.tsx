import { useState } from "react";
import { Button, Menu, MenuItem, Tooltip } from "@mui/material";
import ApartmentIcon from "@mui/icons-material/Apartment";
import { useNotify, useTranslate } from "react-admin";
import { tokenStore } from "../auth/tokenStore";
import { chooseBranch } from "./chooseBranch";

/**
 * The branch the session works in, in the app bar; a member of several branches switches
 * here. Head office (no branch) sees every branch and shows nothing.
 */
export function BranchSwitcher() {
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { branch, branches = [] } = tokenStore.branches();
  if (!branch) return null;
  const label = translate("clinigraph.branches.current", { name: branch.name });
  const switchTo = (id: string) => {
    setAnchor(null);
    if (id !== branch.id) chooseBranch(id).catch((err: Error) => notify(err.message, { type: "error" }));
  };
  if (branches.length < 2)
    return (
      <Button color="inherit" startIcon={<ApartmentIcon />} disabled sx={{ "&.Mui-disabled": { color: "inherit" } }}>
        <bdi data-testid="current-branch">{label}</bdi>
      </Button>
    );
  return (
    <>
      <Tooltip title={translate("clinigraph.branches.switch")}>
        <Button
          color="inherit"
          startIcon={<ApartmentIcon />}
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-haspopup="menu"
          data-testid="branch-switcher"
        >
          <bdi data-testid="current-branch">{label}</bdi>
        </Button>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {branches.map((b) => (
          <MenuItem
            key={b.id}
            selected={b.id === branch.id}
            onClick={() => switchTo(b.id)}
            data-testid={`switch-branch-${b.code}`}
          >
            <bdi>{b.name}</bdi>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
