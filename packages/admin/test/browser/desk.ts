import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** Helpers for the operator-desk tests: react-admin inputs driven as a user drives them. */

/** Types into a react-admin AutocompleteInput and picks the first option containing `text`. */
export async function pickAutocomplete(page: Page, source: string, text: string): Promise<void> {
  const input = page.locator(`input[name="${source}"]`).first();
  await input.click();
  await input.fill(text);
  await page
    .getByRole("option", { name: new RegExp(escapeRegExp(text)) })
    .first()
    .click();
}

/** Opens a select (react-admin SelectInput or a MUI select with a data-testid) and picks an option. */
export async function pickSelect(page: Page, source: string, option: string | RegExp | number): Promise<void> {
  const byName = page.locator(`input[name="${source}"]`);
  const trigger = (await byName.count()) ? byName.first().locator("..") : page.getByTestId(source).locator("..");
  await trigger.click();
  const options = page.getByRole("option");
  await options.first().waitFor();
  if (typeof option === "number") await options.nth(option).click();
  else await options.filter({ hasText: option }).first().click();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A datetime-local value `days` from now at 10:30 local time, as the picker takes it. */
export function localDateTime(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:30`;
}

/** A 1×1 PNG, the smallest document the API's content check accepts. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Waits until the transition bar offers `event` (the record reloaded after the last one). */
export async function fire(page: Page, event: string): Promise<void> {
  const button = page.locator(`[data-event="${event}"]`);
  await button.waitFor();
  await button.click();
}

/** Where the desk tests leave their screenshots for a human to look at (not compared). */
export const SHOTS_DIR = process.env.CLINIGRAPH_SHOTS_DIR ?? join(tmpdir(), "clinigraph-browser-shots");

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}
