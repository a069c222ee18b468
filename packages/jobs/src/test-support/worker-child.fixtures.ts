/**
 * A worker process for tests that must kill one: started with
 * `node --import ./src/test-support/ts-loader.fixtures.mjs src/test-support/worker-child.fixtures.ts`
 * and the harness environment; prints READY once the workers listen.
 */
import "reflect-metadata";
import { startWorkers } from "../index.js";

const rt = await startWorkers();
process.stdout.write("READY\n");
process.on("SIGTERM", () => {
  void rt.stop().then(() => process.exit(0));
});
