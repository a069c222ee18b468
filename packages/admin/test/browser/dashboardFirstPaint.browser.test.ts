import type { Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserSession, signIn } from "./support";

/**
 * The dashboard's first paint (issue 15 "Slow"): what it asks the API for and what code it
 * downloads, from a fresh load of the page to the charts drawn. Its figures come in one
 * GraphQL request; the chart library is its own chunk, fetched after the page shell; the
 * cards keep their size while loading, so nothing jumps when the figures arrive. The
 * counts and bytes are printed for docs/BENCHMARKS.md.
 */
const consoleUrl = inject("consoleUrl");

const session = browserSession();

interface Seen {
  graphql: { operation: string; requestBytes: number; responseBytes: number }[];
  scripts: { url: string; bytes: number }[];
}

async function firstPaint(who: "operator" | "billing"): Promise<Seen & { shift: number }> {
  const page = await session.newPage();
  await signIn(page, consoleUrl, who);
  await page.goto("about:blank");
  const seen: Seen = { graphql: [], scripts: [] };
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request: Request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        const body = await response?.body().catch(() => Buffer.alloc(0));
        if (request.url().endsWith("/graphql")) {
          const payload = JSON.parse(request.postData() ?? "{}") as { operationName?: string; query?: string };
          const operation = payload.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(payload.query ?? "")?.[1] ?? "?";
          seen.graphql.push({
            operation,
            requestBytes: Buffer.byteLength(request.postData() ?? ""),
            responseBytes: body?.length ?? 0,
          });
        } else if (new URL(request.url()).pathname.endsWith(".js")) {
          seen.scripts.push({ url: new URL(request.url()).pathname, bytes: body?.length ?? 0 });
        }
      })(),
    );
  });
  await page.goto(`${consoleUrl}/#/`);
  // layout shift over the load, as the browser measures it (Cumulative Layout Shift)
  await page.evaluate(() => {
    (window as unknown as { __shift: number }).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.locator('[data-testid="chart-orders"] .recharts-bar-rectangle').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
  await Promise.all(pending);
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  await page.context().close();
  return { ...seen, shift };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

describe("the dashboard's first paint", () => {
  it.each(["operator", "billing"] as const)(
    "for %s: its figures in one GraphQL request, the charts in their own chunk, cards that keep their size",
    async (who) => {
      const seen = await firstPaint(who);
      // the cards' figures, whichever way they are asked for (the shell's own requests aside)
      const FIGURES = /^(DashboardFigures|Monthly|Ranking|BranchFigures|Collections)$/;
      const dashboard = seen.graphql.filter((g) => FIGURES.test(g.operation));
      const bytes = (list: { requestBytes: number; responseBytes: number }[]) =>
        list.reduce((sum, g) => sum + g.requestBytes + g.responseBytes, 0);
      console.log(
        `[dashboard ${who}] GraphQL requests: ${seen.graphql.length} (${seen.graphql.map((g) => g.operation).join(", ")}), ` +
          `${kb(bytes(seen.graphql))} sent and received (figures: ${dashboard.length} requests, ${kb(bytes(dashboard))}); ` +
          `scripts: ${seen.scripts.length}, ` +
          `${kb(seen.scripts.reduce((s, x) => s + x.bytes, 0))}; layout shift ${seen.shift.toFixed(3)}`,
      );
      expect(dashboard.map((g) => g.operation)).toEqual(["DashboardFigures"]);
      // the chart library arrives as its own chunk, not inside the dashboard's
      expect(seen.scripts.some((s) => /\/Charts-[\w-]+\.js$/.test(s.url))).toBe(true);
      expect(seen.scripts.find((s) => /\/Dashboard-[\w-]+\.js$/.test(s.url))?.bytes ?? 0).toBeLessThan(100_000);
      expect(seen.shift).toBeLessThan(0.1);
    },
  );
});
