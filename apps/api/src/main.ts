// Entry point: `pnpm --filter @albero/api start` (the platform launcher sets DATABASE_URL).
import { databaseConfig, openDatabase } from '@albero/db';
import { createKeycloakVerifier } from './auth/keycloak.js';
import { createKeycloakAdmin } from './auth/keycloak-admin.js';
import { readEnv } from './env.js';
import { createApi } from './server.js';

const env = readEnv();
// Without DATABASE_URL the API opens the same embedded database the launcher would (ALBERO_DATA_DIR).
const dataDir = env.databaseUrl === undefined ? databaseConfig().dataDir : undefined;
const db = await openDatabase({ url: env.databaseUrl, dataDir, poolSize: env.poolSize, migrate: env.migrate, log: (line) => console.log(`api: migration ${line}`) });
const api = await createApi({
  db,
  production: env.production,
  corsOrigins: env.corsOrigins,
  responseCacheBytes: env.responseCacheBytes,
  verifyBearer: createKeycloakVerifier({ keycloakUrl: env.keycloakUrl, realm: env.realm, audience: env.audience, jwksBaseUrl: env.jwksBaseUrl }),
  keycloakAdmin: env.adminClientSecret
    ? createKeycloakAdmin({ keycloakUrl: env.keycloakInternalUrl, realm: env.realm, clientId: env.adminClientId, clientSecret: env.adminClientSecret })
    : undefined,
  identityProviderUrl: `${env.keycloakInternalUrl}/realms/${env.realm}`,
});
if (!env.adminClientSecret) console.warn('api: KEYCLOAK_ADMIN_CLIENT_SECRET is not set: people and chambers cannot be administered in Keycloak');
const url = (await api.listen(env.port, env.host)).replace('//0.0.0.0:', '//localhost:');
console.log(`api: GraphQL on ${url}/graphql (tokens from ${env.issuer}, audience ${env.audience}${env.production ? '' : ', development mode'})`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await api.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
