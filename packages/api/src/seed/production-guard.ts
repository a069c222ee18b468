/**
 * The demo region creates an ADMIN login and partner API keys whose secrets are printed
 * in the README. In production that is an open door, so the seed refuses unless the
 * operator asks for demo data in so many words (`--demo`).
 */
export class DemoSeedRefused extends Error {
  constructor() {
    super(
      "Refusing to seed demo data: NODE_ENV is production (or unset). The demo data creates an ADMIN " +
        "login and partner API keys whose secrets are public (README.md). To seed a demo installation " +
        "anyway, pass --demo; on a development machine, set NODE_ENV=development.",
    );
    this.name = "DemoSeedRefused";
  }
}

/** Throws DemoSeedRefused when seeding demo data here is not allowed. */
export function assertDemoSeedAllowed(nodeEnv: string | undefined, demo: boolean): void {
  if (demo) return;
  if (nodeEnv === "development" || nodeEnv === "test") return;
  throw new DemoSeedRefused();
}
