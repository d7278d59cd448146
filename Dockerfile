# syntax=docker/dockerfile:1
# Multi-stage build: compile the API, worker and console on a full Node image, then run them on a
# slim Node 22 image as a non-root user. The same image runs the API (default), the worker
# (`npm run start:worker`) and migrations (`npm run migration:run`).

FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
# A fixed glibc mmap threshold: without it, each freed 19 MiB argon2 buffer (sign-in, on libuv's
# threads) raises the threshold and the next ones stay resident in thread arenas (~76 MB of RSS).
ENV MALLOC_MMAP_THRESHOLD_=131072 \
    NODE_ENV=production \
    PORT=3000 \
    CONSOLE_DIR=/app/dist/console/browser \
    LBI_DATA_DIR=/app/.data \
    UPLOAD_DIR=/app/.data/uploads
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/data ./data
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server/apps/api/src/main.js"]
