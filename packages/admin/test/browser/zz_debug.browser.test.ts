import { it, inject } from "vitest";
import { launchBrowser } from "/work/main/packages/admin/test/browser/browser";
import { signIn } from "/work/main/packages/admin/test/browser/support";
it("shot", async () => {
  const b = await launchBrowser();
  const page = await (await b.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const errs: string[] = [];
  page.on("pageerror", (e) => errs.push(e.message));
  page.on("console", (m) => m.type() === "error" && errs.push(m.text()));
  await signIn(page, inject("consoleUrl"), "operator");
  await page.waitForTimeout(2500);
  await page.screenshot({ path: "/tmp/dash.png" });
  console.log(
    await page
      .locator("header button")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") + "|" + e.textContent)),
  );
  await page.goto(inject("consoleUrl") + "/#/orders");
  await page.waitForTimeout(2500);
  await page.screenshot({ path: "/tmp/orders.png" });
  console.log(errs.join("\n").slice(0, 3000));
  await b.close();
}, 60000);
