# The web image: a static build served by nginx.
FROM node:20-slim AS build
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 CI=true
ARG VITE_API_URL
ARG VITE_KEYCLOAK_URL
ENV VITE_API_URL=$VITE_API_URL VITE_KEYCLOAK_URL=$VITE_KEYCLOAK_URL
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps ./apps
COPY packages ./packages
COPY test/package.json ./test/package.json
RUN corepack enable && pnpm install --frozen-lockfile && pnpm --dir apps/web build

FROM nginx:1.27-alpine
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
COPY infra/docker/nginx.conf /etc/nginx/conf.d/default.conf
