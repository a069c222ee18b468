import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser } from "../browser/browser";
import { signIn } from "../browser/support";

/**
 * Time to rows of the production build against the real API and the volume seed, for
 * docs/BENCHMARKS.md: `CLINIGRAPH_MEASURE=1 pnpm --filter @clinigraph/admin screenshots`.
 * A measurement, not a test: it prints, it asserts nothing about speed.
 * CLINIGRAPH_MEASURE_BASELINE=<url of another build's `vite preview`, e.g. an older commit's,
 * against the same API> measures that build too, runs interleaved, so a before/after on a
 * shared machine compares like with like.
 */
const consoleUrl = inject("consoleUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(process.env.CLINIGRAPH_MEASURE !== "1")("time to rows", () => {
  it("dashboard, order list and a tray switch, each measured five times after a warm-up", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, consoleUrl, "operator");
    const screens = [
      { name: "dashboard (charts and collections drawn)", path: "/", ready: ".recharts-bar-rectangle, tbody tr td" },
      { name: "order list (rows shown)", path: "/orders", ready: "tbody tr td" },
    ];
    const builds: { label: string; url: string; page: typeof page }[] = [{ label: "", url: consoleUrl, page }];
    const baseline = process.env.CLINIGRAPH_MEASURE_BASELINE;
    if (baseline) {
      const other = await (
        await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } })
      ).newPage();
      await signIn(other, baseline, "operator");
      builds.push({ label: " [baseline]", url: baseline, page: other });
    }
    const results: string[] = [];
    for (const screen of screens) {
      const times = new Map<string, number[]>(builds.map((b) => [b.label, []]));
      for (let run = 0; run < 6; run++) {
        for (const build of builds) {
          await build.page.goto("about:blank");
          const start = Date.now();
          await build.page.goto(`${build.url}/#${screen.path}`);
          await build.page.locator(screen.ready).first().waitFor({ state: "attached", timeout: 60_000 });
          if (run > 0) times.get(build.label)!.push(Date.now() - start); // the first run warms the caches
        }
      }
      for (const [label, list] of times) {
        list.sort((a, b) => a - b);
        results.push(`${screen.name}${label}: median ${list[2]} ms, min ${list[0]} ms, max ${list[4]} ms`);
      }
    }
    const switches: number[] = [];
    await page.goto(`${consoleUrl}/#/orders`);
    await page.locator("tbody tr td").first().waitFor();
    for (const tray of ["WORKED", "IN_PROCESS", "CLOSED", "TO_MANAGE", "WORKED"]) {
      const start = Date.now();
      const rows = page.waitForResponse((r) => (r.request().postData() ?? "").includes(`"tray":"${tray}"`));
      await page.getByTestId(`tray-${tray}`).click();
      await rows;
      await page.getByTestId("tray-loading").waitFor({ state: "hidden" });
      switches.push(Date.now() - start);
    }
    switches.sort((a, b) => a - b);
    results.push(`tray switch (new rows shown): median ${switches[2]} ms, max ${switches[4]} ms`);
    console.log(`\n${results.join("\n")}\n`);
    await context.close();
  });
});
