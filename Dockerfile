# syntax=docker/dockerfile:1
# One image for the API, the workers and the one-shot scripts (migrate, seed --demo,
# rotate-keys); docker-compose.yml picks the command. Two stages: everything is built
# with the dev dependencies, then only the production output is copied into a clean
# image that runs as the unprivileged `node` user.

# ---- build: all dependencies, compile the API, the workers and the console ----------
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@12.4.2
WORKDIR /src
# The lockfile alone first, so the dependency download is cached until it changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm --filter @clinigraph/api --filter @clinigraph/jobs --filter @clinigraph/admin build
# Production-only copies: each package's "files" (dist, migrations) and its production
# dependencies; no TypeScript sources, no test helpers, no devDependencies.
RUN pnpm --filter @clinigraph/api deploy --prod /out/api \
 && pnpm --filter @clinigraph/jobs deploy --prod /out/jobs \
 && rm -f /out/*/pnpm-lock.yaml /out/*/pnpm-workspace.yaml
# `--prod` still installs a devDependency that satisfies a production dependency's peer
# (pnpm/pnpm#15344): TypeScript, a build tool only, comes in as the optional peer of
# valibot (under @bull-board/api), which needs it for its types alone. Drop it, and fail
# here if a build or test tool is ever in the production output again.
RUN rm -rf /out/*/node_modules/.pnpm/typescript@* \
 && found="$(find /out/*/node_modules/.pnpm -maxdepth 1 \( -name 'typescript@*' -o -name '@swc+core@*' \
      -o -name 'vitest@*' -o -name 'unplugin-swc@*' \) -print)"; \
    if [ -n "$found" ]; then echo "build tools in the production output:" >&2; echo "$found" >&2; exit 1; fi
# Test helpers (*.fixtures.ts, test-support/) are excluded from the build; fail here if one
# ever comes back through an import.
RUN found="$(find -L /out/api/dist /out/jobs/dist /out/jobs/node_modules/@clinigraph/api/dist \
      \( -name '*fixtures*' -o -path '*test-support*' -o -name '*.test.*' \) -print)"; \
    if [ -n "$found" ]; then echo "test helpers in the production output:" >&2; echo "$found" >&2; exit 1; fi

# ---- runtime: production output only -------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only to the process: the app cannot rewrite its own code.
COPY --from=build /out/api ./packages/api
COPY --from=build /out/jobs ./packages/jobs
COPY --from=build /src/packages/admin/dist ./packages/admin/dist
# Uploaded files (FILE_STORAGE_DIR defaults to ./var/files): the one directory it writes.
RUN mkdir -p /app/var/files && chown -R node:node /app/var
USER node
EXPOSE 4000
# The API's liveness probe (slim images have no curl). The workers and the one-shot
# scripts use this image too: compose disables the check for them.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "packages/api/dist/main.js"]
