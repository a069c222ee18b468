import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

/**
 * Where the role-day tests leave what the screen looked like at each step, for a person to
 * look at (CLINIGRAPH_SHOTS_DIR, else the system's temp dir); docs/screenshots is refreshed
 * by `pnpm screenshots`, not by tests.
 */
export const SHOTS_DIR = process.env.CLINIGRAPH_SHOTS_DIR ?? join(tmpdir(), "clinigraph-shots");

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  // A picture for a person, not an assertion: a page that keeps a request open (an open
  // dialog's lookups on a busy machine) is photographed as it is rather than failing the test.
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}
