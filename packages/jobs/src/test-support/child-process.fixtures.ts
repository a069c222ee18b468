import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const jobsRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Starts a real worker process with this environment; resolves once it is consuming. */
export async function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "./src/test-support/ts-loader.fixtures.mjs", "src/test-support/worker-child.fixtures.ts"],
    {
      cwd: jobsRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    // A deadline, not a speed limit: the child compiles the workers and the API from source with
    // SWC as it starts, which a machine busy with another full run makes slow.
    const timer = setTimeout(() => reject(new Error(`worker did not start in time: ${stderr}`)), 240_000);
    child.stdout!.on("data", (d) => {
      if (String(d).includes("READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${stderr}`));
    });
  });
  return child;
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}
