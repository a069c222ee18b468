/**
 * `@clinigraph/api/testing`: the API's test helpers for other packages' tests (the
 * workers' integration tests start a real API, make fixtures, cut connections).
 * Never part of the build or the image: this entry resolves to the TypeScript source,
 * which vitest compiles (packages/jobs/vitest.config.ts aliases it, and
 * packages/jobs/tsconfig.json maps it for the type check).
 */
export { createTestDatabase, type TestDatabase } from "./database.fixtures.js";
export { Fixtures, loginAs } from "./entities.fixtures.js";
export { startTestApi, testConfig, capturingLogger, type TestApi } from "./server.fixtures.js";
export { TcpProxy, refusedPort } from "./tcp-proxy.fixtures.js";
export { languageGaps, renderingProblems, queuedTemplateNames, type NoticeUnderTest } from "./notices.fixtures.js";
export { startDemoApi } from "./demo-database.fixtures.js";
