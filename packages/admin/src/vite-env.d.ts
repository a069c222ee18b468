/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** GraphQL endpoint; defaults to /graphql on the console's own origin (proxied in dev and preview). */
  readonly VITE_API_URL?: string;
}
