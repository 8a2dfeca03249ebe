// Token checks against the real verification path: tokens from the Keycloak-compatible provider (apps/idp)
// and tokens forged with jose, sent over HTTP to the API, which verifies them with keycloak-connect against
// the provider's JWKS. Forged tokens signed with the realm's own key isolate each claim check.
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider } from '@albero/idp';
import { codes, demo, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let claims: JWTPayload & Record<string, unknown>;
const VIEWER = '{ viewer { kind username roles chamberCode } }';

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2024', 'mt-2023') });
  claims = decodeJwt<Record<string, unknown>>(await stack.token('staff.so'));
});
afterAll(() => stack?.stop());

/** Signs claims with the realm's key (a token the real Keycloak could have issued, but with these claims). */
function realmSigned(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: stack.signingKey.kid, ...header }).sign(stack.signingKey.privateKey);
}

const now = () => Math.floor(Date.now() / 1000);
const fresh = (changes: Record<string, unknown> = {}) => ({ ...claims, iat: now(), exp: now() + 300, ...changes });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectRejected(token: string, status: number, code: string) {
  const r = await stack.gql(VIEWER, {}, { token });
  expect({ status: r.status, codes: codes(r), data: r.data }).toEqual({ status, codes: [code], data: undefined });
}

describe('tokens from the identity provider', () => {
  it.each([
    ['admin.so', 'SO', ['chamber-admin']],
    ['manager.so', 'SO', ['manager']],
    ['staff.so', 'SO', ['staff']],
    ['oiv.so', 'SO', ['oiv']],
    ['admin.mt', 'MT', ['chamber-admin']],
  ])('identifies %s as a member of %s with roles %j', async (username, chamberCode, roles) => {
    const r = await stack.gql(VIEWER, {}, { as: username });
    expect(r.data).toEqual({ viewer: { kind: 'member', username, roles, chamberCode } });
  });

  it('identifies the platform operator and the Unioncamere analyst outside any chamber', async () => {
    expect((await stack.gql(VIEWER, {}, { as: 'platform' })).data).toEqual({ viewer: { kind: 'platform', username: 'platform', roles: ['platform-admin'], chamberCode: null } });
    expect((await stack.gql(VIEWER, {}, { as: 'unioncamere' })).data).toEqual({ viewer: { kind: 'unioncamere', username: 'unioncamere', roles: ['unioncamere-analyst'], chamberCode: null } });
  });

  it('answers UNAUTHENTICATED to a request without a token on a field that needs one', async () => {
    const r = await stack.gql(VIEWER, {}, { token: null });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a token forged with the realm key and untampered claims (the control for the cases below)', async () => {
    const r = await stack.gql(VIEWER, {}, { token: await realmSigned(fresh()) });
    expect(r.data).toEqual({ viewer: { kind: 'member', username: 'staff.so', roles: ['staff'], chamberCode: 'SO' } });
  });
});

describe('tampered and foreign tokens get UNAUTHENTICATED (401)', () => {
  it('refuses the same claims signed by a foreign key under the realm key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRejected(await new SignJWT(fresh()).setProtectedHeader({ alg: 'RS256', kid: stack.signingKey.kid }).sign(privateKey), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token signed by a foreign key with its own key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRejected(await new SignJWT(fresh()).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key' }).sign(privateKey), 401, 'UNAUTHENTICATED');
  });

  it('refuses a real token whose payload was edited to add a role (signature no longer matches)', async () => {
    const real = await stack.token('staff.so');
    const [header, , signature] = real.split('.');
    const payload = { ...decodeJwt(real), realm_access: { roles: ['chamber-admin'] } };
    await expectRejected(`${header}.${b64(payload)}.${signature}`, 401, 'UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    await expectRejected(await realmSigned(fresh({ iat: now() - 600, exp: now() - 60 })), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token without expiry (keycloak-connect alone would accept it)', async () => {
    const { exp: _exp, ...noExp } = fresh();
    await expectRejected(await realmSigned(noExp), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token not valid yet (nbf in the future)', async () => {
    await expectRejected(await realmSigned(fresh({ nbf: now() + 120 })), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token from another issuer, even signed with the realm key', async () => {
    await expectRejected(await realmSigned(fresh({ iss: 'http://evil.example/realms/albero' })), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token from another identity provider (other issuer, other keys)', async () => {
    const other = await startIdentityProvider({ port: 0 });
    try {
      const response = await fetch(`${other.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username: 'admin.so', password: 'demo', scope: 'openid' }),
      });
      const { access_token } = (await response.json()) as { access_token: string };
      await expectRejected(access_token, 401, 'UNAUTHENTICATED');
    } finally {
      await other.stop();
    }
  });

  it('refuses a token for another audience, or for none', async () => {
    await expectRejected(await realmSigned(fresh({ aud: 'account' })), 401, 'UNAUTHENTICATED');
    const { aud: _aud, ...noAud } = fresh();
    await expectRejected(await realmSigned(noAud), 401, 'UNAUTHENTICATED');
  });

  it('refuses alg "none" (unsigned) and an HS256 token keyed with the realm\'s public key', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT', kid: stack.signingKey.kid })}.${b64(fresh())}.`;
    await expectRejected(unsigned, 401, 'UNAUTHENTICATED');
    const certs = (await (await fetch(`${stack.idp.issuer}/protocol/openid-connect/certs`)).json()) as { keys: { n: string }[] };
    const hs = await new SignJWT(fresh()).setProtectedHeader({ alg: 'HS256', kid: stack.signingKey.kid }).sign(new TextEncoder().encode(certs.keys[0]!.n));
    await expectRejected(hs, 401, 'UNAUTHENTICATED');
  });

  it('refuses an ID token presented as a bearer token (typ is not Bearer)', async () => {
    const response = await fetch(`${stack.idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username: 'admin.so', password: 'demo', scope: 'openid' }),
    });
    const { id_token } = (await response.json()) as { id_token: string };
    expect(decodeProtectedHeader(id_token).alg).toBe('RS256');
    await expectRejected(id_token, 401, 'UNAUTHENTICATED');
  });

  it('refuses garbage and a malformed Authorization header', async () => {
    await expectRejected('not-a-jwt', 401, 'UNAUTHENTICATED');
    const r = await stack.gql(VIEWER, {}, { headers: { authorization: `Basic ${Buffer.from('admin.so:demo').toString('base64')}` } });
    expect([r.status, codes(r)]).toEqual([401, ['UNAUTHENTICATED']]);
  });
});

describe('organisations and roles', () => {
  it('refuses a valid token without organisation, or with an unknown one, with FORBIDDEN (403)', async () => {
    const { organization: _o, ...noOrganization } = fresh() as Record<string, unknown>;
    await expectRejected(await realmSigned(noOrganization), 403, 'FORBIDDEN');
    await expectRejected(await realmSigned(fresh({ organization: ['xx'] })), 403, 'FORBIDDEN');
  });

  it('accepts both shapes of the organization claim, case-insensitively', async () => {
    for (const organization of [['so'], { SO: { id: 'x' } }, { so: {} }]) {
      const r = await stack.gql(VIEWER, {}, { token: await realmSigned(fresh({ organization })) });
      expect(r.data).toEqual({ viewer: { kind: 'member', username: 'staff.so', roles: ['staff'], chamberCode: 'SO' } });
    }
  });

  it('asks a member of several organisations to choose one among them', async () => {
    const token = await realmSigned(fresh({ organization: ['so', 'mt'] }));
    await expectRejected(token, 403, 'FORBIDDEN');
    const chosen = await stack.gql(VIEWER, {}, { token, headers: { 'x-albero-chamber': 'MT' } });
    expect(chosen.data).toEqual({ viewer: { kind: 'member', username: 'staff.so', roles: ['staff'], chamberCode: 'MT' } });
    const notTheirs = await stack.gql(VIEWER, {}, { token, headers: { 'x-albero-chamber': 'rl' } });
    expect([notTheirs.status, codes(notTheirs)]).toEqual([403, ['FORBIDDEN']]);
  });

  it('gives FORBIDDEN to a role asking for what it lacks, and to a token with no known role', async () => {
    const staff = await stack.gql('mutation { subscribeChamber(code: "ZZ", name: "Camera di prova") { id } }', {}, { as: 'staff.so' });
    expect(codes(staff)).toEqual(['FORBIDDEN']);
    const audit = await stack.gql('{ auditTrail(first: 1) { edges { node { id } } } }', {}, { as: 'staff.so' });
    expect(codes(audit)).toEqual(['FORBIDDEN']);
    const noRole = await stack.gql('{ cycles { id } }', {}, { token: await realmSigned(fresh({ realm_access: { roles: ['offline_access'] } })) });
    expect(codes(noRole)).toEqual(['FORBIDDEN']);
    const { count } = (await stack.db.pool.query<{ count: string }>("SELECT count(*) FROM chamber WHERE code = 'ZZ'")).rows[0]!;
    expect(count).toBe('0');
  });

  it('refuses the users of a suspended chamber until it is resumed', async () => {
    const { rows } = await stack.db.pool.query<{ id: string; version: number }>("SELECT id, version FROM chamber WHERE code = 'MT'");
    const suspended = await stack.gql<{ suspendChamber: { version: number } }>('mutation($id: ID!, $v: Int!) { suspendChamber(id: $id, version: $v) { version subscriptionStatus } }', { id: rows[0]!.id, v: rows[0]!.version }, { as: 'platform' });
    expect(suspended.data).toEqual({ suspendChamber: { version: rows[0]!.version + 1, subscriptionStatus: 'suspended' } });
    await expectRejected(await stack.token('admin.mt'), 403, 'FORBIDDEN');
    await stack.gql('mutation($id: ID!, $v: Int!) { resumeChamber(id: $id, version: $v) { id } }', { id: rows[0]!.id, v: rows[0]!.version + 1 }, { as: 'platform' });
    expect((await stack.gql(VIEWER, {}, { as: 'admin.mt' })).data).toEqual({ viewer: { kind: 'member', username: 'admin.mt', roles: ['chamber-admin'], chamberCode: 'MT' } });
  });
});
