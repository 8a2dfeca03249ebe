// The production realm that docker-compose.yml imports into Keycloak (issue 10): no person, no known password,
// no test client, and nothing weaker than the settings below. Each check reads the committed file itself, so a
// hand edit that weakens it fails here as surely as a change to generate-realm.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { developmentRealmFile, productionRealmFile } from '../src/realm.js';

type Client = {
  clientId: string;
  publicClient: boolean;
  bearerOnly: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  secret?: string;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
};
type RealmFile = Record<string, unknown> & { clients: Client[]; users?: unknown[]; organizations?: { members?: unknown[] }[] };

const REPO = join(import.meta.dirname, '../../..');
const production = async () => JSON.parse(await readFile(productionRealmFile, 'utf8')) as RealmFile;

/** Every key anywhere in a JSON value, with its path. */
function entries(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => entries(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[`${path}.${k}`, v] as [string, unknown], ...entries(v, `${path}.${k}`)]);
  }
  return [];
}

/** Keycloak's password policy string ("length(12) and notUsername(undefined) and …") as policy → argument. */
function policies(text: unknown): Map<string, string> {
  if (typeof text !== 'string') return new Map();
  return new Map(
    text
      .split(' and ')
      .map((p) => /^([A-Za-z]+)\((.*)\)$/.exec(p.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

describe('the production realm (infra/keycloak/albero-realm.json)', () => {
  it('holds no person, no organization and no credential of any kind: only the API\'s service account', async () => {
    const realm = await production();
    // The one user is the service account Keycloak links to albero-admin: no password, no realm role, only the
    // realm-management roles the API needs (organizations need manage-realm in Keycloak 26).
    expect(realm.users).toEqual([
      {
        id: expect.any(String),
        username: 'service-account-albero-admin',
        enabled: true,
        serviceAccountClientId: 'albero-admin',
        realmRoles: [],
        clientRoles: { 'realm-management': ['manage-realm', 'manage-users'] },
      },
    ]);
    expect(realm.organizations ?? []).toEqual([]);
    // No credential, password or value anywhere; the only secret is the admin client's, an environment placeholder.
    const sensitive = entries(realm).filter(([path]) => /\.(credentials|password|secret|value)$/i.test(path));
    expect(sensitive).toEqual([['$.clients[0].secret', '${ALBERO_ADMIN_CLIENT_SECRET}']]);
    // The demo password appears nowhere, not even in a description.
    expect(JSON.stringify(realm)).not.toMatch(/"demo"|albero\.local|development-secret/);
  });

  it('has the API (bearer-only), the web client (public, authorization code with PKCE S256, no password grant) and the admin service account (client credentials only)', async () => {
    const realm = await production();
    expect(realm.clients.map((c) => c.clientId).sort()).toEqual(['albero-admin', 'albero-api', 'albero-web']);
    for (const client of realm.clients) {
      expect({ client: client.clientId, directAccessGrants: client.directAccessGrantsEnabled, implicit: client.implicitFlowEnabled, serviceAccounts: client.serviceAccountsEnabled }).toEqual({
        client: client.clientId,
        directAccessGrants: false,
        implicit: false,
        serviceAccounts: client.clientId === 'albero-admin',
      });
      if (client.clientId !== 'albero-admin') expect(client.secret).toBeUndefined();
    }
    const admin = realm.clients.find((c) => c.clientId === 'albero-admin')!;
    expect({ publicClient: admin.publicClient, bearerOnly: admin.bearerOnly, standardFlow: admin.standardFlowEnabled, redirectUris: admin.redirectUris }).toEqual({
      publicClient: false,
      bearerOnly: false,
      standardFlow: false,
      redirectUris: [],
    });
    expect(admin.secret).toMatch(/^\$\{[A-Z_]+\}$/);
    const web = realm.clients.find((c) => c.clientId === 'albero-web')!;
    expect(web.publicClient).toBe(true);
    expect(web.standardFlowEnabled).toBe(true);
    expect(web.attributes['pkce.code.challenge.method']).toBe('S256');
    // Redirects go to the deployment's own address only (resolved by Keycloak at import), never to localhost or
    // to any host ("*").
    expect(web.redirectUris).toEqual(['${ALBERO_WEB_URL}/*']);
    expect(web.webOrigins).toEqual(['${ALBERO_WEB_URL}']);
    const api = realm.clients.find((c) => c.clientId === 'albero-api')!;
    expect(api.bearerOnly).toBe(true);
    expect(api.standardFlowEnabled).toBe(false);
  });

  it('protects against brute force: a few failures make the account wait, doubling, never locked for good', async () => {
    const realm = await production();
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.permanentLockout).toBe(false);
    expect(realm.failureFactor).toBeGreaterThan(0);
    expect(realm.failureFactor).toBeLessThanOrEqual(10);
    expect(realm.waitIncrementSeconds).toBeGreaterThanOrEqual(30);
    expect(realm.maxFailureWaitSeconds).toBeGreaterThanOrEqual(realm.waitIncrementSeconds as number);
    expect(realm.maxDeltaTimeSeconds).toBeGreaterThanOrEqual(3600);
  });

  it('asks for a password policy: at least 12 characters, not the username or e-mail, the last 5 not reused', async () => {
    const policy = policies((await production()).passwordPolicy);
    expect(Number(policy.get('length'))).toBeGreaterThanOrEqual(12);
    expect(policy.has('notUsername')).toBe(true);
    expect(policy.has('notEmail')).toBe(true);
    expect(Number(policy.get('passwordHistory'))).toBeGreaterThanOrEqual(5);
  });

  it('keeps tokens short and refresh tokens single-use, over TLS outside private networks', async () => {
    const realm = await production();
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(300);
    expect(realm.revokeRefreshToken).toBe(true);
    expect(realm.refreshTokenMaxReuse).toBe(0);
    expect(['external', 'all']).toContain(realm.sslRequired);
    expect(realm.registrationAllowed).toBe(false);
  });

  it('is the only realm docker-compose.yml imports, and compose ships no default password', async () => {
    const compose = parse(await readFile(join(REPO, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { volumes?: string[]; environment?: Record<string, string>; command?: string[] }> };
    const mounts = Object.values(compose.services).flatMap((s) => s.volumes ?? []);
    const realmMounts = mounts.filter((m) => m.includes('infra/keycloak'));
    expect(realmMounts).toEqual(['./infra/keycloak/albero-realm.json:/opt/keycloak/data/import/albero-realm.json:ro']);
    expect(mounts.some((m) => m.includes('development'))).toBe(false);
    // Every password or secret is required from the environment (${VAR:?…}), never given a default (${VAR:-…}).
    const secrets = Object.values(compose.services).flatMap((s) => Object.entries(s.environment ?? {})).filter(([name, value]) => /PASSWORD|SECRET/.test(name) || /PASSWORD|SECRET/.test(value));
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const [name, value] of secrets) {
      expect({ name, value }).toEqual({ name, value: expect.stringMatching(/\$\{[A-Z_]*(PASSWORD|SECRET)[A-Z_]*:\?[^}]+\}/) });
      expect(value).not.toMatch(/:-/);
    }
    // Keycloak runs in production mode, not start-dev.
    expect(compose.services.keycloak?.command?.[0]).toBe('start');
  });
});

describe('the development realm (infra/keycloak/development/albero-realm.json)', () => {
  it('is the one with the demo people, and is named as such', async () => {
    const realm = JSON.parse(await readFile(developmentRealmFile, 'utf8')) as RealmFile;
    expect((realm.users ?? []).length).toBeGreaterThan(20);
    expect(realm.clients.map((c) => c.clientId)).toContain('albero-api-tests');
  });
});
