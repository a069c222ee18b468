import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium; the harness never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Something a page did that no working screen does: a failed request or an error in the console. */
export interface PageProblem {
  kind: "response" | "console" | "pageerror";
  text: string;
  url: string;
}

type Allowance = (problem: PageProblem) => boolean;

const problems: PageProblem[] = [];
const allowances = new WeakMap<Page, Allowance[]>();
const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Lets one page have the problems a test provokes on purpose (a wrong password), each
 * named by the test; everything else still fails it.
 */
export function allowProblems(page: Page, allowance: Allowance): void {
  allowances.set(page, [...(allowances.get(page) ?? []), allowance]);
}

/** The problems recorded since the last call (guard.setup.ts checks them after every test). */
export function takeProblems(): PageProblem[] {
  return problems.splice(0, problems.length);
}

/**
 * Records every 4xx/5xx answer and every console error or uncaught exception of the
 * page: a screen that shows "No results" while the API answered 400, or an error icon
 * where a name belongs, fails its test even when the assertions look elsewhere.
 */
function watch(page: Page): void {
  const record = (problem: PageProblem) => {
    if (!(allowances.get(page) ?? []).some((allow) => allow(problem))) problems.push(problem);
  };
  page.on("response", (response) => {
    if (response.status() >= 400)
      record({
        kind: "response",
        text: `${response.status()} ${response.request().method()} ${response.url()}`,
        url: response.url(),
      });
  });
  page.on("console", (message) => {
    // Chromium's own pages (the built-in PDF viewer a document opens in) load chrome://
    // resources that a headless Chromium may refuse: the browser's, not the console's.
    if (message.location().url?.startsWith("chrome://")) return;
    if (message.type() === "error")
      record({
        kind: "console",
        text: `${message.text()} (${message.location().url || page.url()})`,
        url: message.location().url || page.url(),
      });
  });
  page.on("pageerror", (error) => record({ kind: "pageerror", text: String(error.stack ?? error), url: page.url() }));
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on("request", (request) => {
    if (request.url().startsWith("http")) pending.add(request);
  });
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => pending.delete(request));
}

/**
 * Waits until the page has no request of its own in flight, twice in a row a poll apart.
 * Playwright's "networkidle" is a once-per-document event: after the first in-app (hash)
 * navigation it either answers at once or, if one request lingered at the wrong moment,
 * never; this asks the question now and names what is still pending when it fails.
 */
export async function requestsSettled(page: Page, timeout = 120_000): Promise<void> {
  const pending = inFlight.get(page) ?? new Set<Request>();
  let quietPolls = 0;
  await expect
    .poll(
      () => {
        quietPolls = pending.size === 0 ? quietPolls + 1 : 0;
        if (pending.size > 0) return [...pending].map((request) => `${request.method()} ${request.url()}`);
        return quietPolls >= 2 ? [] : ["(quiet once; asking again)"];
      },
      { timeout, interval: 250, message: "requests still in flight" },
    )
    .toEqual([]);
}

/** A fresh context per test so localStorage (session, locale) never leaks between tests. */
export async function newPage(browser: Browser, options: { timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", ...options });
  const page = await context.newPage();
  watch(page);
  return page;
}
