import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { routePreload } from "./routePreload";

/** Where /graphql, /files and /exports go in dev and preview; the browser tests point it at their API. */
const apiTarget = process.env.CLINIGRAPH_API_URL ?? "http://localhost:4000";
const proxy = Object.fromEntries(
  ["/graphql", "/files", "/documents", "/exports", "/admin/queues"].map((path) => [
    path,
    { target: apiTarget, changeOrigin: true },
  ]),
);

export default defineConfig({
  plugins: [react(), routePreload()],
  server: { proxy },
  preview: { proxy },
  build: { sourcemap: false, chunkSizeWarningLimit: 800 },
});
