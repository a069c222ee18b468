/**
 * The order read kit (order-reads.fixtures.ts) with branch sessions, for the counters'
 * compiled reads (orderTrayCounts, reportInbox): an operator confined to the branch that
 * covers the hospital (its case's orders), and a member of two branches who has not chosen one.
 */
import { expect } from "vitest";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { coverOrganization, createBranch, login, setUserBranches } from "../branch/branch.fixtures.js";
import { startReadKit, type ReadKit } from "./order-reads.fixtures.js";

export async function startCountsKit(): Promise<ReadKit> {
  const kit = await startReadKit();
  const head = kit.principals.admin!;
  const north = await createBranch(kit.api, head, "NOR", "Northern office");
  const south = await createBranch(kit.api, head, "SUR", "Southern office");
  await coverOrganization(kit.api, head, kit.hospital.id, north);
  const member = async (branches: string[]) => {
    const u = await kit.fx.user(["OPERATOR"]);
    await setUserBranches(kit.api, head, u.id, branches);
    if (branches.length === 1) return loginAs(kit.api.gql, u.email, u.password);
    const s = await login(kit.api, u.email, u.password);
    expect(s.branchChoiceRequired).toBe(true);
    return s.accessToken!;
  };
  kit.principals.operatorNorth = await member([north]);
  kit.principals.operatorSouth = await member([south]);
  kit.principals.unchosen = await member([north, south]);
  return kit;
}
