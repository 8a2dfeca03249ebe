// `pnpm --filter @albero/idp start`: the development identity provider on http://localhost:8080.
//
//   IDP_PORT (8080)  IDP_HOST (127.0.0.1)  IDP_ISSUER_BASE_URL (http://localhost:<port>)
//   IDP_REALM_FILE (infra/keycloak/development/albero-realm.json)  IDP_ACCESS_TOKEN_TTL (the realm's, 300 s)
//   IDP_KEYS_FILE (<repo>/.data/idp-keys.json, so tokens survive a restart; empty = a new key at each start)
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { startIdentityProvider } from './index.js';

const defaultKeysFile = fileURLToPath(new URL('../../../.data/idp-keys.json', import.meta.url));

const env = z
  .object({
    IDP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    IDP_HOST: z.string().min(1).default('127.0.0.1'),
    IDP_ISSUER_BASE_URL: z.url().optional(),
    IDP_REALM_FILE: z.string().min(1).optional(),
    IDP_ACCESS_TOKEN_TTL: z.coerce.number().int().positive().optional(),
    IDP_KEYS_FILE: z.string().default(defaultKeysFile),
  })
  .parse(process.env);

const idp = await startIdentityProvider({
  port: env.IDP_PORT,
  host: env.IDP_HOST,
  ...(env.IDP_ISSUER_BASE_URL ? { issuerBaseUrl: env.IDP_ISSUER_BASE_URL } : {}),
  ...(env.IDP_REALM_FILE ? { realmFile: env.IDP_REALM_FILE } : {}),
  ...(env.IDP_ACCESS_TOKEN_TTL ? { accessTokenTtlSeconds: env.IDP_ACCESS_TOKEN_TTL } : {}),
  ...(env.IDP_KEYS_FILE ? { keysFile: env.IDP_KEYS_FILE } : {}),
});

console.log(`Keycloak-compatible identity provider (development) listening on ${idp.url}`);
console.log(`  issuer: ${idp.issuer}`);
console.log('  demo logins: platform, unioncamere, admin.so, manager.so, staff.so, oiv.so, ... (password "demo")');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void idp.stop().then(() => process.exit(0));
  });
}
