// The real stack over loopback for the API tests: a fresh migrated database (server or embedded, as
// ALBERO_TEST_DB says), the Keycloak-compatible identity provider of apps/idp with a signing key the tests
// know (to forge tampered tokens), and the API verifying tokens through keycloak-connect.
import { join } from 'node:path';
import { exportJWK, generateKeyPair, calculateJwkThumbprint, type CryptoKey } from 'jose';
import { DEMO_DATA_DIR, loadDemoData, loadPlanFiles } from '@albero/db';
import { startIdentityProvider, type RunningIdentityProvider, type SigningKey } from '@albero/idp';
import { createKeycloakVerifier } from '../../src/auth/keycloak.js';
import { createKeycloakAdmin } from '../../src/auth/keycloak-admin.js';
import { createApi, type Api } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';

export type GraphQLResponse<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
};

export type Stack = {
  db: TestDatabase;
  idp: RunningIdentityProvider;
  api: Api;
  url: string;
  /** The realm's signing key (private), to sign tokens the provider would not issue. */
  signingKey: { privateKey: CryptoKey; kid: string };
  /** An access token of a demo user from the provider's password grant (cached per username). */
  token(username: string): Promise<string>;
  /** POSTs a GraphQL operation; `token: null` sends none. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; as?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
};

/** The service account's secret in the tests (the provider is told it; the realm file's stays unused). */
export const ADMIN_SECRET = 'albero-admin-test-secret';

/** Demo plan files by name (data/demo/<name>.yaml). */
export const demo = (...names: string[]) => names.map((n) => join(DEMO_DATA_DIR, `${n}.yaml`));

async function signingKey(): Promise<{ jwk: SigningKey; privateKey: CryptoKey; kid: string }> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' }, privateKey, kid };
}

/** Starts database, identity provider and API; loads the given plan files (or the whole demo data) first. */
export async function startStack(options: { plans?: string[]; demoData?: boolean; production?: boolean; responseCacheBytes?: number } = {}): Promise<Stack> {
  const db = await createTestDatabase();
  if (options.demoData) await loadDemoData(db);
  if (options.plans?.length) await loadPlanFiles(db, options.plans);
  const key = await signingKey();
  const idp = await startIdentityProvider({ port: 0, keys: [key.jwk], clientSecrets: { 'albero-admin': ADMIN_SECRET } });
  const keycloakUrl = idp.issuer.replace(/\/realms\/albero$/, '');
  const api = await createApi({
    db,
    production: options.production ?? false,
    responseCacheBytes: options.responseCacheBytes,
    verifyBearer: createKeycloakVerifier({ keycloakUrl, realm: 'albero', audience: 'albero-api' }),
    keycloakAdmin: createKeycloakAdmin({ keycloakUrl, realm: 'albero', clientId: 'albero-admin', clientSecret: ADMIN_SECRET }),
    identityProviderUrl: idp.issuer,
    log: () => undefined,
  });
  const url = await api.listen(0);
  const tokens = new Map<string, Promise<string>>();

  const token = (username: string) => {
    let t = tokens.get(username);
    if (!t) {
      t = (async () => {
        const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username, password: 'demo', scope: 'openid' }),
        });
        if (response.status !== 200) throw new Error(`password grant for ${username}: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { access_token: string }).access_token;
      })();
      tokens.set(username, t);
    }
    return t;
  };

  return {
    db,
    idp,
    api,
    url,
    signingKey: { privateKey: key.privateKey, kid: key.kid },
    token,
    async gql(query, variables = {}, opts = {}) {
      const bearer = opts.token !== undefined ? opts.token : opts.as ? await token(opts.as) : null;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...opts.headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: Omit<GraphQLResponse, 'status'>;
      try {
        body = JSON.parse(text) as Omit<GraphQLResponse, 'status'>;
      } catch {
        throw new Error(`non-JSON response ${response.status}: ${text.slice(0, 300)}`);
      }
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async stop() {
      await api.close();
      await idp.stop();
      await db.drop();
    },
  };
}

/** The stable codes of a response's errors. */
export const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
