FROM node:20-bookworm-slim
WORKDIR /app
RUN npm i -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
ENV NODE_ENV=production
