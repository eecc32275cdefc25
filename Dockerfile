# One image for every Samenhang service; docker-compose.yml picks the service per container.
# Built from the repository as it is: npm ci from the lockfile (no install scripts), tsc -b.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --ignore-scripts --no-audit --no-fund && node_modules/.bin/tsc -b && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV SAMENHANG_HOME=/samenhang NODE_ENV=production
USER node
ENTRYPOINT ["node"]
CMD ["packages/cli/bin/samenhang.js", "--help"]
