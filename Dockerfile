# Production image: `node ace build` output with production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node ace build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# The same tuning as `npm start` (package.json; README "Production").
ENV MALLOC_ARENA_MAX=2
COPY --from=build /src/build ./
RUN npm ci --omit=dev
EXPOSE 3333
# The web process. Workers run the same image with `node ace jobs:work`
# (docker-compose.yml, docs/jobs.md).
CMD ["node", "--max-semi-space-size=16", "bin/server.js"]
