# The API image: the workspace with production dependencies, run with tsx (sources are TypeScript).
FROM node:20-slim
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 CI=true
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps ./apps
COPY packages ./packages
COPY scripts ./scripts
COPY test/package.json ./test/package.json
RUN corepack enable && pnpm install --frozen-lockfile
COPY data ./data
COPY infra ./infra
EXPOSE 4000
# Migrations run at start under Prisma's advisory lock, so several replicas may start together.
CMD ["sh", "-c", "pnpm db:migrate && pnpm --dir apps/api start"]
