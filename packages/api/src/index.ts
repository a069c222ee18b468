export * from "./domain.js";
export { type Runtime } from "./platform/http/app.js";
export { createRuntime } from "./app.js";
