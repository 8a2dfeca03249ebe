// The API's settings, read from the environment once and validated here; no other module reads process.env.
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });

const schema = z.object({
  // Absent only when the platform launcher (scripts/platform.ts) has not set it: then embedded PostgreSQL.
  DATABASE_URL: z.string().trim().min(1).optional(),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().trim().min(1).default('0.0.0.0'),
  // Where the API reaches Keycloak (for the realm's signing keys).
  KEYCLOAK_URL: url.default('http://localhost:8080'),
  // Keycloak's URL as browsers see it, which tokens name as issuer, when it differs (docker-compose).
  KEYCLOAK_PUBLIC_URL: url.optional(),
  // Apply pending migrations at start (the owner role only; the launcher and the image migrate beforehand).
  API_MIGRATE: z.enum(['true', 'false']).optional(),
  KEYCLOAK_REALM: z.string().trim().min(1).default('albero'),
  API_AUDIENCE: z.string().trim().min(1).default('albero-api'),
  // The service account of Keycloak's Admin REST API (client credentials); without the secret, administering
  // people and subscribing chambers answer IDENTITY_PROVIDER_UNAVAILABLE.
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().trim().min(1).default('albero-admin'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Browser origins allowed to call the API with credentials (comma-separated); the web app by default.
  CORS_ORIGINS: z.string().default('http://localhost:5173'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  // The port of the launcher's embedded PostgreSQL, which serves one connection per process well.
  ALBERO_EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(54329),
  // Megabytes of GraphQL responses kept by chamber data version (0 turns the response cache off).
  API_RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
});

export type Env = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** The issuer's base URL (public). */
  keycloakUrl: string;
  /** Where the signing keys are fetched, when not from the issuer's URL. */
  jwksBaseUrl: string | undefined;
  migrate: boolean;
  realm: string;
  audience: string;
  /** The issuer every token must carry: Keycloak's realm URL. */
  issuer: string;
  /** Where the API itself reaches Keycloak (keys, Admin REST API, health). */
  keycloakInternalUrl: string;
  adminClientId: string;
  adminClientSecret: string | undefined;
  production: boolean;
  nodeEnv: 'development' | 'production' | 'test';
  corsOrigins: string[];
  poolSize: number;
  responseCacheBytes: number;
};

function isPort(url: string, port: number): boolean {
  try {
    return new URL(url).port === String(port);
  } catch {
    return false;
  }
}

/** Reads and validates the API's environment; throws with every problem listed when a variable is invalid. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid API environment: ${problems}`);
  }
  const e = parsed.data;
  const internalUrl = e.KEYCLOAK_URL.replace(/\/+$/, '');
  const keycloakUrl = (e.KEYCLOAK_PUBLIC_URL ?? e.KEYCLOAK_URL).replace(/\/+$/, '');
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.API_PORT,
    host: e.API_HOST,
    keycloakUrl,
    jwksBaseUrl: internalUrl === keycloakUrl ? undefined : internalUrl,
    // Without DATABASE_URL the API opens its own embedded database, which it must migrate.
    migrate: e.API_MIGRATE === undefined ? e.DATABASE_URL === undefined : e.API_MIGRATE === 'true',
    realm: e.KEYCLOAK_REALM,
    audience: e.API_AUDIENCE,
    issuer: `${keycloakUrl}/realms/${e.KEYCLOAK_REALM}`,
    keycloakInternalUrl: internalUrl,
    adminClientId: e.KEYCLOAK_ADMIN_CLIENT_ID,
    adminClientSecret: e.KEYCLOAK_ADMIN_CLIENT_SECRET,
    production: e.NODE_ENV === 'production',
    nodeEnv: e.NODE_ENV,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    // Embedded PostgreSQL (PGlite) runs one query at a time for a handful of connections: one is enough.
    poolSize: e.DATABASE_POOL_SIZE ?? (e.DATABASE_URL !== undefined && isPort(e.DATABASE_URL, e.ALBERO_EMBEDDED_DB_PORT) ? 1 : 20),
    responseCacheBytes: Math.round(e.API_RESPONSE_CACHE_MB * 1024 * 1024),
  };
}
