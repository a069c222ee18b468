export * from "./domain.js";
export { createRuntime, type Runtime } from "./platform/http/app.js";
