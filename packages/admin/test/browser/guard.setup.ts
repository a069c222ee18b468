import { afterEach, beforeEach } from "vitest";
import { takeProblems } from "./browser";

/**
 * Every browser test fails when one of its pages answered 4xx/5xx or logged an error,
 * whatever the test itself asserts (browser.ts records them; allowProblems names the
 * few a test provokes on purpose).
 */
beforeEach(() => {
  takeProblems();
});

afterEach((context) => {
  const problems = takeProblems();
  if (problems.length === 0) return;
  const list = problems.map((p) => `  ${p.kind}: ${p.text.slice(0, 400)}`).join("\n");
  throw new Error(`The page had ${problems.length} problem(s) during "${context.task.name}":\n${list}`);
});
