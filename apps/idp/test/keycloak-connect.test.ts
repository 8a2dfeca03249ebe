// The API validates bearer tokens with keycloak-connect's GrantManager (bearer-only): it fetches the realm's
// keys from /protocol/openid-connect/certs and checks the RS256 signature, `typ` "Bearer", `iss` and expiry.
// These tests run that exact code against this provider.
import { createRequire } from 'node:module';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type RunningIdentityProvider } from '../src/index.js';
import { decode, tokensFor } from './support.js';

type Token = { content: Record<string, unknown>; hasRole(name: string): boolean };
type Grant = { access_token: Token };
type GrantManager = { createGrant(raw: { access_token: string }): Promise<Grant> };

const require = createRequire(import.meta.url);
// How keycloak-connect builds them from a keycloak.json: Config resolves realmUrl, GrantManager validates.
const Config = require('keycloak-connect/middleware/auth-utils/config') as new (config: Record<string, unknown>) => Record<string, unknown>;
const GrantManagerClass = require('keycloak-connect/middleware/auth-utils/grant-manager') as new (config: Record<string, unknown>) => GrantManager;

let idp: RunningIdentityProvider;

function grantManagerFor(provider: RunningIdentityProvider): GrantManager {
  const authServerUrl = provider.issuer.replace(/\/realms\/albero$/, '');
  const config = new Config({ realm: 'albero', 'auth-server-url': authServerUrl, resource: 'albero-api', 'bearer-only': true, 'verify-token-audience': true });
  return new GrantManagerClass(config);
}

beforeAll(async () => {
  idp = await startIdentityProvider({ port: 0 });
});
afterAll(() => idp.stop());

describe('keycloak-connect GrantManager (bearer-only, albero-api)', () => {
  it('accepts an access token from this provider and reads its realm roles', async () => {
    const { access_token } = await tokensFor(idp.issuer, 'admin.so');
    const grant = await grantManagerFor(idp).createGrant({ access_token });
    expect(grant.access_token.content).toMatchObject({ preferred_username: 'admin.so', organization: ['so'] });
    expect(grant.access_token.hasRole('realm:chamber-admin')).toBe(true);
    expect(grant.access_token.hasRole('realm:platform-admin')).toBe(false);
  });

  it('rejects an expired token', async () => {
    const shortLived = await startIdentityProvider({ port: 0, accessTokenTtlSeconds: 1 });
    try {
      const { access_token } = await tokensFor(shortLived.issuer, 'admin.so');
      expect(decode(access_token).payload.exp).toBe(decode(access_token).payload.iat! + 1);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      await expect(grantManagerFor(shortLived).createGrant({ access_token })).rejects.toThrow(/expired/);
    } finally {
      await shortLived.stop();
    }
  });

  it('rejects the same claims signed by a foreign key, whether it claims the realm key id or its own', async () => {
    const { access_token } = await tokensFor(idp.issuer, 'admin.so');
    const { header, payload } = decode(access_token);
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (kid: string) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
    await expect(grantManagerFor(idp).createGrant({ access_token: await forge(header.kid!) })).rejects.toThrow(/invalid token \(public key signature\)/);
    await expect(grantManagerFor(idp).createGrant({ access_token: await forge('foreign-key') })).rejects.toThrow(/failed to load public key/);
  });

  it('rejects a token whose issuer is another realm URL', async () => {
    const { access_token } = await tokensFor(idp.issuer, 'admin.so');
    const other = await startIdentityProvider({ port: 0 });
    try {
      await expect(grantManagerFor(other).createGrant({ access_token })).rejects.toThrow(/wrong ISS/);
    } finally {
      await other.stop();
    }
  });

  it('rejects an ID token presented as a bearer token', async () => {
    const { id_token } = await tokensFor(idp.issuer, 'admin.so');
    await expect(grantManagerFor(idp).createGrant({ access_token: id_token! })).rejects.toThrow(/wrong type/);
  });
});
